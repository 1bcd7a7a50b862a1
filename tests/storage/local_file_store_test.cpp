#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "storage/file_store.h"
#include "storage/sha256.h"
#include "support/test_database.h"

namespace nyttig::storage {
namespace {

namespace fs = std::filesystem;

// SHA-256("abc") from FIPS 180-2, appendix B.1.
constexpr std::string_view kAbcSha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

class LocalFileStoreTest : public ::testing::Test {
 protected:
  fs::path root() const { return fs::path(dir_.path()) / "files"; }
  testing::TempDir dir_;  // declared first: store_ is built from it
  std::unique_ptr<FileStore> store_ = OpenLocalFileStore(root());
};

std::size_t CountRegularFiles(const fs::path &dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); ++it) {
    if (it->is_regular_file()) ++n;
  }
  return n;
}

TEST(Sha256Test, MatchesThePublishedVector) { EXPECT_EQ(Sha256Hex("abc"), kAbcSha256); }

TEST(Sha256Test, HashesChunksLikeTheWhole) {
  Sha256Hasher hasher;
  hasher.Update("a");
  hasher.Update("bc");
  EXPECT_EQ(hasher.FinishHex(), kAbcSha256);
}

TEST(Sha256Test, AcceptsOnlyLowerCaseHexOfTheRightLength) {
  EXPECT_TRUE(IsSha256Hex(kAbcSha256));
  std::string upper(kAbcSha256);
  upper[0] = 'B';
  EXPECT_FALSE(IsSha256Hex(upper));
  EXPECT_FALSE(IsSha256Hex(kAbcSha256.substr(1)));
  EXPECT_FALSE(IsSha256Hex(std::string(kAbcSha256) + "0"));
  EXPECT_FALSE(IsSha256Hex("../" + std::string(kAbcSha256.substr(3))));
}

TEST_F(LocalFileStoreTest, StoresUnderTheContentAddress) {
  StatusOr<StoredFile> file = store_->Put("abc");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->sha256, kAbcSha256);
  EXPECT_EQ(file->size, 3u);
  EXPECT_TRUE(fs::is_regular_file(root() / "ba" / "78" / std::string(kAbcSha256)));
  EXPECT_EQ(store_->Get(kAbcSha256).value(), "abc");
}

TEST_F(LocalFileStoreTest, PutIsIdempotent) {
  ASSERT_TRUE(store_->Put("abc").ok());
  StatusOr<StoredFile> again = store_->Put("abc");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->sha256, kAbcSha256);
  EXPECT_EQ(CountRegularFiles(root()), 1u);
}

TEST_F(LocalFileStoreTest, LeavesNoTempFilesBehind) {
  ASSERT_TRUE(store_->Put("one").ok());
  ASSERT_TRUE(store_->Put("one").ok());
  ASSERT_TRUE(store_->Put("two").ok());
  EXPECT_EQ(CountRegularFiles(root() / ".incoming"), 0u);
  EXPECT_EQ(CountRegularFiles(root()), 2u);
}

TEST_F(LocalFileStoreTest, PutFileStreamsABigFile) {
  fs::path source = fs::path(dir_.path()) / "big.bin";
  std::string content;
  for (int i = 0; i < 300'000; ++i) content += static_cast<char>(i * 7 % 251);
  std::ofstream(source, std::ios::binary) << content;
  StatusOr<StoredFile> file = store_->PutFile(source);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->sha256, Sha256Hex(content));
  EXPECT_EQ(file->size, content.size());
  EXPECT_EQ(store_->Get(file->sha256).value(), content);
  EXPECT_EQ(store_->PutFile(source).value(), file.value());
  EXPECT_EQ(CountRegularFiles(root()), 1u);
}

TEST_F(LocalFileStoreTest, PutFileOfAMissingSourceIsNotFound) {
  EXPECT_EQ(store_->PutFile(fs::path(dir_.path()) / "nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(CountRegularFiles(root()), 0u);
}

TEST_F(LocalFileStoreTest, GetOfAnUnknownHashIsNotFound) {
  EXPECT_EQ(store_->Get(kAbcSha256).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(store_->Exists(kAbcSha256));
}

TEST_F(LocalFileStoreTest, RejectsHashesThatCouldEscapeTheFolder) {
  // A file outside the store that a path-traversal "hash" would reach.
  std::ofstream(fs::path(dir_.path()) / "secret") << "secret";
  ASSERT_TRUE(store_->Put("abc").ok());
  for (std::string bad :
       {std::string("../secret"), std::string("../../secret"), std::string("/etc/passwd"),
        std::string("ba/78/") + std::string(kAbcSha256), "../" + std::string(kAbcSha256.substr(3)),
        std::string()}) {
    EXPECT_EQ(store_->Get(bad).status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(store_->Remove(bad).code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_FALSE(store_->Exists(bad)) << bad;
  }
  EXPECT_TRUE(fs::exists(fs::path(dir_.path()) / "secret"));
}

TEST_F(LocalFileStoreTest, RemoveDeletesAndThenReportsNotFound) {
  ASSERT_TRUE(store_->Put("abc").ok());
  EXPECT_TRUE(store_->Remove(kAbcSha256).ok());
  EXPECT_FALSE(store_->Exists(kAbcSha256));
  EXPECT_EQ(store_->Remove(kAbcSha256).code(), StatusCode::kNotFound);
}

TEST_F(LocalFileStoreTest, ForEachListsEveryFileInHashOrderAndSkipsStrays) {
  std::vector<std::string> expected;
  for (std::string bytes : {"a", "b", "c", "d", "e"})
    expected.push_back(store_->Put(bytes)->sha256);
  std::sort(expected.begin(), expected.end());
  std::ofstream(root() / "stray.txt") << "not a stored file";
  std::ofstream(root() / ".incoming" / ".tmp-left-by-a-crash") << "partial";
  std::vector<std::string> seen;
  ASSERT_TRUE(store_
                  ->ForEach([&](const StoredFile &f) {
                    EXPECT_EQ(f.size, 1u);
                    seen.push_back(f.sha256);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(seen, expected);
}

TEST_F(LocalFileStoreTest, ForEachStopsAtTheFirstError) {
  ASSERT_TRUE(store_->Put("a").ok());
  ASSERT_TRUE(store_->Put("b").ok());
  int calls = 0;
  Status s = store_->ForEach([&](const StoredFile &) {
    ++calls;
    return UnavailableError("stop");
  });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(calls, 1);
}

TEST_F(LocalFileStoreTest, ForEachOfAStoreNeverWrittenIsEmpty) {
  int calls = 0;
  EXPECT_TRUE(store_
                  ->ForEach([&](const StoredFile &) {
                    ++calls;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(calls, 0);
}

TEST_F(LocalFileStoreTest, VerifyOnReadDetectsAlteredBytes) {
  ASSERT_TRUE(store_->Put("abc").ok());
  std::ofstream(root() / "ba" / "78" / std::string(kAbcSha256), std::ios::trunc) << "abd";
  EXPECT_EQ(store_->Get(kAbcSha256).value(), "abd");  // unverified: served as is
  auto verifying = OpenLocalFileStore(root(), {.verify_on_read = true});
  EXPECT_EQ(verifying->Get(kAbcSha256).status().code(), StatusCode::kInternal);
}

TEST_F(LocalFileStoreTest, ConcurrentPutsOfTheSameBytesStoreOneFile) {
  std::vector<std::thread> threads;
  std::vector<std::string> hashes(8);
  for (int thread_idx = 0; thread_idx < 8; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int round = 0; round < 20; ++round) {
        StatusOr<StoredFile> f = store_->Put("shared bytes");
        if (f.ok()) hashes[thread_idx] = f->sha256;
      }
    });
  }
  for (std::thread &t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(hashes.begin(), hashes.end()).size(), 1u);
  EXPECT_EQ(CountRegularFiles(root()), 1u);
  EXPECT_EQ(store_->Get(Sha256Hex("shared bytes")).value(), "shared bytes");
}

}  // namespace
}  // namespace nyttig::storage
