#include "backup/tar.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "backup/raw_tar.h"
#include "support/test_database.h"

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;
using testing::EndMarker;
using testing::RawEntry;

std::string Archive(const std::map<std::string, std::string>& files) {
  std::string bytes;
  TarWriter tar([&](std::string_view b) {
    bytes.append(b);
    return Status::Ok();
  });
  for (const auto& [name, content] : files) EXPECT_TRUE(tar.AddFile(name, content, 0).ok()) << name;
  EXPECT_TRUE(tar.Finish().ok());
  return bytes;
}

StatusOr<std::map<std::string, std::string>> Unpack(const std::string& bytes) {
  std::istringstream in(bytes);
  TarReader reader(in);
  std::map<std::string, std::string> files;
  while (true) {
    ASSIGN_OR_RETURN(std::optional<TarEntry> entry, reader.Next());
    if (!entry) return files;
    std::string& content = files[entry->name];
    RETURN_IF_ERROR(reader.ReadBody([&](std::string_view chunk) {
      content.append(chunk);
      return Status::Ok();
    }));
  }
}

std::string RunShell(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  ::pclose(pipe);
  return output;
}

TEST(TarTest, RoundTripsContentOfEverySizeAroundTheBlock) {
  std::map<std::string, std::string> files;
  for (std::size_t size : {0, 1, 511, 512, 513, 100'000}) {
    std::string content(size, '\0');
    for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>(i * 31 % 256);
    files["f" + std::to_string(size)] = content;
  }
  std::string bytes = Archive(files);
  EXPECT_EQ(bytes.size() % 10240, 0u);
  EXPECT_EQ(Unpack(bytes).value(), files);
}

TEST(TarTest, LongNamesUseThePrefixField) {
  std::string dir(150, 'd');
  std::string name = dir + "/" + std::string(100, 'n');  // 251 bytes
  std::map<std::string, std::string> files{{name, "long"}, {"short", "s"}};
  EXPECT_EQ(Unpack(Archive(files)).value(), files);
}

TEST(TarTest, RefusesNamesUstarCannotHold) {
  std::string ignored;
  TarWriter tar([&](std::string_view b) {
    ignored.append(b);
    return Status::Ok();
  });
  EXPECT_EQ(tar.AddFile(std::string(120, 'x'), "", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tar.AddFile(std::string(100, 'a') + "/" + std::string(155, 'b'), "", 0).code(),
            StatusCode::kInvalidArgument);  // 256 bytes
  EXPECT_EQ(tar.AddFile(std::string(160, 'a') + "/b", "", 0).code(),
            StatusCode::kInvalidArgument);  // no '/' leaves a prefix of <= 155
  EXPECT_TRUE(ignored.empty());
}

TEST(TarTest, WriterRefusesNamesThatLeaveTheFolder) {
  TarWriter tar([](std::string_view) { return Status::Ok(); });
  for (std::string bad : {"../x", "/etc/passwd", "a/../b", "a//b", "./a", "a/", "a\\b", ""}) {
    EXPECT_EQ(tar.AddFile(bad, "", 0).code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(TarTest, ReaderRefusesTraversalAbsoluteAndLinkEntries) {
  for (const std::string& raw : {RawEntry("../x", "evil"), RawEntry("/etc/cron.d/x", "evil"),
                                 RawEntry("files/../../x", "evil"), RawEntry("link", "", '2'),
                                 RawEntry("hard", "", '1'), RawEntry("pax", "", 'x')}) {
    StatusOr<std::map<std::string, std::string>> files = Unpack(raw + EndMarker());
    EXPECT_EQ(files.status().code(), StatusCode::kInvalidArgument) << raw.substr(0, 20);
  }
}

TEST(TarTest, ReaderAcceptsHandMadeUstarEntries) {
  auto files = Unpack(RawEntry("a/b.txt", "hej") + RawEntry("c", "") + EndMarker());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files.value(), (std::map<std::string, std::string>{{"a/b.txt", "hej"}, {"c", ""}}));
}

TEST(TarTest, ReaderDetectsTruncationAnywhere) {
  std::string bytes = Archive({{"a", std::string(1000, 'a')}, {"b", "b"}});
  for (std::size_t cut :
       {std::size_t{0}, std::size_t{100}, std::size_t{700}, std::size_t{1536 + 256},
        std::size_t{2048 + 512}, std::size_t{2048 + 600}}) {
    EXPECT_EQ(Unpack(bytes.substr(0, cut)).status().code(), StatusCode::kInvalidArgument) << cut;
  }
}

TEST(TarTest, ReaderDetectsADamagedHeader) {
  std::string bytes = Archive({{"a", "content"}});
  bytes[10] ^= 0x01;  // in the name field: the checksum no longer matches
  EXPECT_EQ(Unpack(bytes).status().code(), StatusCode::kInvalidArgument);
}

TEST(TarTest, StreamedEntryMustMatchItsDeclaredSize) {
  TarWriter tar([](std::string_view) { return Status::Ok(); });
  ASSERT_TRUE(tar.BeginFile("a", 4, 0).ok());
  EXPECT_EQ(tar.WriteBody("12345").code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(tar.WriteBody("123").ok());
  EXPECT_EQ(tar.EndFile().code(), StatusCode::kFailedPrecondition);
}

TEST(TarTest, SizesOf8GiBAndMoreUseBase256) {
  std::string header;
  TarWriter tar([&](std::string_view b) {
    header.append(b);
    return Status::Ok();
  });
  const std::uint64_t huge = (1ULL << 33) + 5;
  ASSERT_TRUE(tar.BeginFile("huge.sqlite", huge, 0).ok());
  std::istringstream in(header);
  TarReader reader(in);
  StatusOr<std::optional<TarEntry>> entry = reader.Next();
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  EXPECT_EQ((*entry)->size, huge);
}

TEST(TarTest, SystemTarListsAndExtractsOurArchives) {
  if (std::system("tar --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no tar(1)";
  nyttig::testing::TempDir dir;
  std::string name = std::string(120, 'p') + "/" + std::string(90, 'q');
  std::string path = dir.path() + "/a.tar";
  testing::WriteAll(path, Archive({{"manifest.json", "{}"}, {name, "long name"}}));
  EXPECT_EQ(RunShell("tar tf " + path), "manifest.json\n" + name + "\n");
  EXPECT_EQ(RunShell("tar xOf " + path + " " + name), "long name");
}

TEST(TarTest, ReadsWhatSystemTarWritesInUstarFormat) {
  if (std::system("tar --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no tar(1)";
  nyttig::testing::TempDir dir;
  std::string name = std::string(120, 'p') + "/" + std::string(90, 'q');
  fs::create_directories(fs::path(dir.path()) / "in" / std::string(120, 'p'));
  testing::WriteAll(dir.path() + "/in/" + name, "from tar(1)");
  ASSERT_EQ(std::system(
                ("tar --format=ustar -C " + dir.path() + "/in -cf " + dir.path() + "/b.tar " + name)
                    .c_str()),
            0);
  auto files = Unpack(testing::ReadAll(dir.path() + "/b.tar"));
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files->at(name), "from tar(1)");
}

}  // namespace
}  // namespace nyttig::backup
