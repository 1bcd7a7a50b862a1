#include "http/server.h"

#include <pthread.h>
#include <signal.h>

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <future>
#include <thread>
#include <vector>

namespace nyttig::http {
namespace {

using Traits = restinio::default_traits_t;
using RestinioServer = restinio::http_server_t<Traits>;

Request ToRequest(const restinio::request_handle_t& req) {
  Request request;
  request.method = ParseMethod(req->header().method().c_str());
  if (!ParseTarget(req->header().request_target(), request)) request.path = "";
  req->header().for_each_field([&](const restinio::http_header_field_t& field) {
    request.headers.Add(std::string(field.name()), std::string(field.value()));
  });
  request.body = std::string(req->body());
  request.client_address = req->remote_endpoint().address().to_string();
  return request;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

void Send(const restinio::request_handle_t& req, Response& response, bool head) {
  auto out = req->create_response(restinio::http_status_line_t(
      restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
      ReasonPhrase(response.status)));
  for (const auto& [name, value] : response.headers.all()) out.append_header(name, value);
  // A HEAD answer carries the GET answer's headers and no body.
  if (!head) out.set_body(std::move(response.body));
  out.done();
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  RequestHandler handler;
  std::unique_ptr<RestinioServer> server;
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopped{false};

  restinio::request_handling_status_t Handle(const restinio::request_handle_t& req) {
    ++in_flight;
    Request request = ToRequest(req);
    Response response;
    if (request.path.empty()) {
      response = Response::Text(400, "Bad request target\n");
    } else {
      response = handler(request);
    }
    Send(req, response, request.method == Method::kHead);
    --in_flight;
    return restinio::request_accepted();
  }
};

Server::Server(ServerOptions options, RequestHandler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

Server::~Server() { Shutdown(); }

Status Server::Start() {
  Impl& impl = *impl_;
  const ServerOptions& o = impl.options;
  auto settings =
      restinio::server_settings_t<Traits>{}
          .address(o.host)
          .port(o.port)
          .read_next_http_message_timelimit(o.read_timeout)
          .write_http_response_timelimit(o.write_timeout)
          .handle_request_timeout(o.handle_timeout)
          .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(o.max_body_bytes))
          .request_handler([&impl](auto req) { return impl.Handle(req); });
  try {
    impl.server = std::make_unique<RestinioServer>(restinio::own_io_context(), std::move(settings));
    std::promise<std::string> opened;
    impl.server->open_async([&opened]() noexcept { opened.set_value(""); },
                            [&opened](std::exception_ptr ex) noexcept {
                              try {
                                std::rethrow_exception(ex);
                              } catch (const std::exception& e) {
                                opened.set_value(e.what());
                              }
                            });
    for (int i = 0; i < std::max(1, o.threads); ++i) {
      impl.threads.emplace_back([&impl] { impl.server->io_context().run(); });
    }
    std::string error = opened.get_future().get();
    if (!error.empty()) {
      Shutdown();
      return UnavailableError("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + error);
    }
  } catch (const std::exception& e) {
    return UnavailableError(std::string("cannot start the HTTP server: ") + e.what());
  }
  return Status::Ok();
}

void Server::BlockShutdownSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int Server::WaitForShutdownSignal() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  int signal_number = 0;
  sigwait(&set, &signal_number);
  return signal_number;
}

void Server::Shutdown() {
  Impl& impl = *impl_;
  if (impl.stopped.exchange(true) || !impl.server) return;
  std::promise<void> closed;
  impl.server->close_async([&closed]() noexcept { closed.set_value(); },
                           [&closed](std::exception_ptr) noexcept { closed.set_value(); });
  if (!impl.threads.empty()) closed.get_future().wait_for(std::chrono::seconds(5));
  // Requests already being handled finish; their responses get a moment to
  // be written before the threads stop.
  auto deadline = std::chrono::steady_clock::now() + impl.options.shutdown_grace;
  while (impl.in_flight > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  impl.server->io_context().stop();
  for (std::thread& t : impl.threads) t.join();
  impl.threads.clear();
}

int Server::in_flight() const { return impl_->in_flight; }

}  // namespace nyttig::http
