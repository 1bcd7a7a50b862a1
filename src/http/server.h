// The HTTP server: RESTinio on a thread pool, behind Nyttig's own Request and
// Response. This header is all other code sees; RESTinio (slow to compile)
// is included by server.cpp only.
//
//   Server server(options, [&](Request& r) { return app.Handle(r); });
//   RETURN_IF_ERROR(server.Start());
//   server.WaitForShutdownSignal();   // SIGTERM or SIGINT
//   server.Shutdown();                // stops accepting, finishes in-flight requests
//
// Handlers run on the pool's threads and may block briefly (database calls);
// size `threads` for that. Anything long goes to the jobs table.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "http/message.h"

namespace nyttig::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 8;                                   // handler threads
  std::uint64_t max_body_bytes = 32 << 20;           // bytes; hard cap per request
  std::chrono::seconds read_timeout{15};             // to receive a whole request
  std::chrono::seconds write_timeout{30};            // to send a response
  std::chrono::seconds handle_timeout{60};           // for a handler to answer
  std::chrono::milliseconds shutdown_grace{10000};   // to finish in-flight requests
};

using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address and starts the threads. Fails with kUnavailable when
  // the address cannot be bound.
  Status Start();

  // Blocks the calling thread until SIGTERM or SIGINT arrives. Call before
  // Start() from the main thread so that the signals are routed here.
  static void BlockShutdownSignals();
  static int WaitForShutdownSignal();

  // Stops accepting connections, waits up to shutdown_grace for requests in
  // progress, then stops the threads. Idempotent.
  void Shutdown();

  int in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nyttig::http
