// A bounded least-recently-used map from string keys to values.
//
//   LruCache<std::vector<std::string>> cache(10000);
//   if (const auto* hit = cache.Find("skolgård")) ...;
//   cache.Insert("skolgård", {"skol", "gård"});
//
// Thread-safety: none; the owner serialises access (CompoundSplitter holds it
// under its mutex).
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace nyttig::search {

template <typename Value>
class LruCache {
 public:
  // Precondition: capacity > 0.
  explicit LruCache(size_t capacity) : capacity_(capacity) {}

  // The cached value, marked most recently used; nullptr when absent. The
  // pointer stays valid until the next Insert.
  const Value* Find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->second;
  }

  // Stores `value` under `key`, evicting the least recently used entry when
  // full. Replaces an existing value.
  void Insert(const std::string& key, Value value) {
    if (auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(value);
      entries_.splice(entries_.begin(), entries_, it->second);
      return;
    }
    if (entries_.size() >= capacity_) {
      index_.erase(entries_.back().first);
      entries_.pop_back();
    }
    entries_.emplace_front(key, std::move(value));
    index_.emplace(key, entries_.begin());
  }

  size_t size() const { return entries_.size(); }

 private:
  using Entry = std::pair<std::string, Value>;
  size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace nyttig::search
