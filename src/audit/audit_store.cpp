#include "audit/audit_store.h"

#include <soci/soci.h>
#include <sodium.h>

#include <array>

#include "audit/entry_hash.h"

namespace nyttig::audit::store {
namespace {

constexpr std::size_t kPseudonymBytes = 16;  // 128 random bits, hex-encoded

// SOCI binds `long long` natively on both backends; std::int64_t is `long`.
using Int = long long;

const std::string kEntryColumns =
    "SELECT e.id, e.chain_id, e.seq, e.occurred_at, e.actor, a.person_id, e.actor_role, "
    "e.action, e.entity_type, e.entity_id, e.details, e.prev_hash, e.entry_hash, "
    "p.client_address, p.user_agent "
    "FROM audit_entries e "
    "LEFT JOIN audit_actors a ON a.pseudonym = e.actor "
    "LEFT JOIN audit_personal p ON p.entry_id = e.id ";

// One row of kEntryColumns, with the indicators its nullable columns need.
struct EntryRow {
  Int id = 0, chain_id = 0, seq = 0, occurred_at = 0, person_id = 0;
  std::string actor, actor_role, action, entity_type, entity_id, details, prev_hash, entry_hash;
  std::string client_address, user_agent;
  soci::indicator person_ind = soci::i_null, address_ind = soci::i_null, agent_ind = soci::i_null;

  void BindTo(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(chain_id));
    st.exchange(soci::into(seq));
    st.exchange(soci::into(occurred_at));
    st.exchange(soci::into(actor));
    st.exchange(soci::into(person_id, person_ind));
    st.exchange(soci::into(actor_role));
    st.exchange(soci::into(action));
    st.exchange(soci::into(entity_type));
    st.exchange(soci::into(entity_id));
    st.exchange(soci::into(details));
    st.exchange(soci::into(prev_hash));
    st.exchange(soci::into(entry_hash));
    st.exchange(soci::into(client_address, address_ind));
    st.exchange(soci::into(user_agent, agent_ind));
  }

  AuditEntry ToEntry() const {
    AuditEntry e;
    e.id = id;
    e.chain_id = chain_id;
    e.seq = seq;
    e.occurred_at = occurred_at;
    e.actor = actor;
    e.actor_role = actor_role;
    e.action = action;
    e.entity_type = entity_type;
    e.entity_id = entity_id;
    e.details = details;
    e.prev_hash = prev_hash;
    e.entry_hash = entry_hash;
    if (person_ind == soci::i_ok) e.person_id = person_id;
    if (address_ind == soci::i_ok) e.client_address = client_address;
    if (agent_ind == soci::i_ok) e.user_agent = user_agent;
    return e;
  }
};

// Runs kEntryColumns + `tail` with integer parameters bound in order.
std::vector<AuditEntry> QueryEntries(db::Tx& tx, const std::string& tail,
                                     std::vector<Int>& params) {
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(kEntryColumns + tail);
  EntryRow row;
  row.BindTo(st);
  for (Int& param : params) st.exchange(soci::use(param));
  st.define_and_bind();
  st.execute(false);
  std::vector<AuditEntry> out;
  while (st.fetch()) out.push_back(row.ToEntry());
  return out;
}

std::vector<ChainHead> QueryHeads(db::Tx& tx, const std::string& query, Int chain_id) {
  Int chain = 0, seq = 0;
  std::string hash;
  soci::statement st = (tx.sql().prepare << query, soci::into(chain), soci::into(seq),
                        soci::into(hash), soci::use(chain_id));
  st.execute(false);
  std::vector<ChainHead> out;
  while (st.fetch()) out.push_back({chain, seq, hash});
  return out;
}

std::string RandomPseudonym() {
  std::array<unsigned char, kPseudonymBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kPseudonymBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), kPseudonymBytes * 2);
}

}  // namespace

ChainHead LockHead(db::Tx& tx, std::int64_t chain_id) {
  Int chain = chain_id;
  std::string genesis(kGenesisHash);
  // Creating the row first gives FOR UPDATE something to lock even for the
  // first entry; a concurrent creator makes this a no-op that waits for it.
  tx.sql() << "INSERT INTO audit_heads(chain_id, seq, entry_hash) VALUES (:c, 0, :h) "
              "ON CONFLICT (chain_id) DO NOTHING",
      soci::use(chain), soci::use(genesis);
  std::string query = "SELECT chain_id, seq, entry_hash FROM audit_heads WHERE chain_id = :c";
  if (tx.dialect() == db::Dialect::kPostgres) query += " FOR UPDATE";
  return QueryHeads(tx, query, chain).at(0);
}

void UpdateHead(db::Tx& tx, const ChainHead& head) {
  Int chain = head.chain_id, seq = head.seq;
  std::string hash = head.entry_hash;
  tx.sql() << "UPDATE audit_heads SET seq = :s, entry_hash = :h WHERE chain_id = :c",
      soci::use(seq), soci::use(hash), soci::use(chain);
}

std::string PseudonymFor(db::Tx& tx, std::int64_t person_id, UnixSeconds now) {
  Int person = person_id, created = now;
  std::string fresh = RandomPseudonym();
  // Two chains' writers may meet a new person at once: the loser's insert
  // does nothing and both read the winner's pseudonym.
  tx.sql() << "INSERT INTO audit_actors(pseudonym, person_id, created_at) VALUES (:p, :i, :t) "
              "ON CONFLICT (person_id) DO NOTHING",
      soci::use(fresh), soci::use(person), soci::use(created);
  std::string pseudonym;
  tx.sql() << "SELECT pseudonym FROM audit_actors WHERE person_id = :i", soci::use(person),
      soci::into(pseudonym);
  return pseudonym;
}

std::int64_t InsertEntry(db::Tx& tx, const AuditEntry& e) {
  Int chain = e.chain_id, seq = e.seq, at = e.occurred_at, id = 0;
  std::string actor = e.actor, role = e.actor_role, action = e.action, type = e.entity_type,
              entity = e.entity_id, details = e.details, prev = e.prev_hash, hash = e.entry_hash;
  tx.sql() << "INSERT INTO audit_entries(chain_id, seq, occurred_at, actor, actor_role, action, "
              "entity_type, entity_id, details, prev_hash, entry_hash) VALUES (:c, :s, :t, :a, "
              ":r, :x, :et, :ei, :d, :p, :h) RETURNING id",
      soci::use(chain), soci::use(seq), soci::use(at), soci::use(actor), soci::use(role),
      soci::use(action), soci::use(type), soci::use(entity), soci::use(details), soci::use(prev),
      soci::use(hash), soci::into(id);
  return id;
}

void InsertPersonal(db::Tx& tx, std::int64_t entry_id, const std::string& client_address,
                    const std::string& user_agent, UnixSeconds erase_after) {
  Int id = entry_id, until = erase_after;
  std::string address = client_address, agent = user_agent;
  soci::indicator address_ind = address.empty() ? soci::i_null : soci::i_ok;
  soci::indicator agent_ind = agent.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << "INSERT INTO audit_personal(entry_id, client_address, user_agent, erase_after) "
              "VALUES (:i, :a, :u, :t)",
      soci::use(id), soci::use(address, address_ind), soci::use(agent, agent_ind), soci::use(until);
}

std::vector<AuditEntry> EntriesAfter(db::Tx& tx, std::int64_t chain_id, std::int64_t after_seq,
                                     int limit) {
  std::vector<Int> params = {chain_id, after_seq, limit};
  return QueryEntries(tx, "WHERE e.chain_id = :c AND e.seq > :s ORDER BY e.seq LIMIT :n", params);
}

std::vector<AuditEntry> EntriesNewestFirst(db::Tx& tx, std::int64_t chain_id, std::int64_t offset,
                                           int limit) {
  std::vector<Int> params = {chain_id, limit, offset};
  return QueryEntries(tx, "WHERE e.chain_id = :c ORDER BY e.seq DESC LIMIT :n OFFSET :o", params);
}

std::int64_t CountEntries(db::Tx& tx, std::int64_t chain_id) {
  Int chain = chain_id, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_entries WHERE chain_id = :c", soci::use(chain),
      soci::into(count);
  return count;
}

std::vector<std::int64_t> AllChainIds(db::Tx& tx) {
  Int chain = 0;
  soci::statement st = (tx.sql().prepare << "SELECT chain_id FROM audit_entries UNION "
                                            "SELECT chain_id FROM audit_heads UNION "
                                            "SELECT chain_id FROM audit_published_heads "
                                            "ORDER BY 1",
                        soci::into(chain));
  st.execute(false);
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(chain);
  return out;
}

std::vector<ChainHead> Heads(db::Tx& tx) {
  return QueryHeads(tx,
                    "SELECT chain_id, seq, entry_hash FROM audit_heads WHERE seq > :min "
                    "ORDER BY chain_id",
                    0);
}

std::optional<ChainHead> Head(db::Tx& tx, std::int64_t chain_id) {
  auto heads = QueryHeads(
      tx, "SELECT chain_id, seq, entry_hash FROM audit_heads WHERE chain_id = :c", chain_id);
  if (heads.empty()) return std::nullopt;
  return heads.front();
}

std::vector<ChainHead> PublishedHeads(db::Tx& tx, std::int64_t chain_id) {
  return QueryHeads(tx,
                    "SELECT chain_id, seq, entry_hash FROM audit_published_heads "
                    "WHERE chain_id = :c ORDER BY seq, id",
                    chain_id);
}

std::optional<ChainHead> LatestPublishedHead(db::Tx& tx, std::int64_t chain_id) {
  auto heads = QueryHeads(tx,
                          "SELECT chain_id, seq, entry_hash FROM audit_published_heads "
                          "WHERE chain_id = :c ORDER BY seq DESC, id DESC LIMIT 1",
                          chain_id);
  if (heads.empty()) return std::nullopt;
  return heads.front();
}

void InsertPublishedHead(db::Tx& tx, const ChainHead& head, UnixSeconds now) {
  Int chain = head.chain_id, seq = head.seq, at = now;
  std::string hash = head.entry_hash;
  tx.sql() << "INSERT INTO audit_published_heads(chain_id, seq, entry_hash, published_at) "
              "VALUES (:c, :s, :h, :t)",
      soci::use(chain), soci::use(seq), soci::use(hash), soci::use(at);
}

int DeleteExpiredPersonal(db::Tx& tx, UnixSeconds now) {
  Int at = now;
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM audit_personal WHERE erase_after <= :t", soci::use(at));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void ErasePerson(db::Tx& tx, std::int64_t person_id) {
  Int person = person_id;
  tx.sql() << "DELETE FROM audit_personal WHERE entry_id IN (SELECT e.id FROM audit_entries e "
              "JOIN audit_actors a ON a.pseudonym = e.actor WHERE a.person_id = :p)",
      soci::use(person);
  tx.sql() << "UPDATE audit_actors SET person_id = NULL WHERE person_id = :p", soci::use(person);
}

}  // namespace nyttig::audit::store
