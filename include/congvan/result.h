// Errors as values at module borders: Status and Result<T>.
//
// A Status carries a message a clerk can act on ("letter.pdf: encrypted PDF,
// cannot read text"). Only the CLI turns it into an exit code. GCC 12 has no
// std::expected, so Result<T> is a small variant of a value or a Status.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace congvan {

class Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }

  bool is_ok() const { return !failed_; }
  explicit operator bool() const { return is_ok(); }
  const std::string& message() const { return message_; }

  // Prefixes the message ("letter.pdf: " + message) keeping the failure.
  Status with_context(const std::string& context) const {
    if (is_ok()) return *this;
    return Status(context + ": " + message_);
  }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) {     // NOLINT: implicit by design
    assert(!std::get<Status>(value_).is_ok());
  }

  bool is_ok() const { return std::holds_alternative<T>(value_); }
  explicit operator bool() const { return is_ok(); }

  T& value() & { return std::get<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(value_); }
  const std::string& message() const { return std::get<Status>(value_).message(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace congvan
