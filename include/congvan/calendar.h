// Calendar arithmetic for deadlines: civil dates, month and quarter ends, and
// working days that skip weekends and the Vietnamese public holidays.
//
// Date functions are pure. A HolidayCalendar is immutable after loading and
// safe to share between threads. Loading fails with "<file>:<line>: …".
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "congvan/result.h"

namespace congvan {

// A day of the proleptic Gregorian calendar.
struct Date {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  auto operator<=>(const Date&) const = default;
};

bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);

// "2024-02-10" → Date; nullopt for anything else (partial dates included).
std::optional<Date> parse_iso_date(std::string_view iso);
std::string to_iso(const Date& date);  // "2024-02-10"

// Days since 1970-01-01 and back.
int64_t to_day_number(const Date& date);
Date from_day_number(int64_t days);

Date add_days(const Date& date, int64_t days);
// Same day `months` later, clamped to the month's last day (31/1 + 1 → 29/2).
Date add_months(const Date& date, int months);
int iso_weekday(const Date& date);  // 1 = Monday … 7 = Sunday

Date last_day_of_month(int year, int month);
Date last_day_of_quarter(int year, int quarter);  // quarter 1-4

// Days off besides weekends (holidays, compensatory days) and weekend days
// that are worked (make-up days), from models/holidays.tsv.
class HolidayCalendar {
 public:
  HolidayCalendar() = default;  // weekends only

  // Reads the table: date <TAB> kind (holiday|compensatory|workday) <TAB>
  // name [<TAB> source]. A bad row is an error naming file and line.
  static Result<HolidayCalendar> load(const std::filesystem::path& tsv);

  void add_day_off(const Date& date, std::string name);
  void add_workday(const Date& date);

  // False on Saturdays, Sundays and listed days off, true on listed workdays.
  bool is_working_day(const Date& date) const;
  // The holiday's name when `date` is a listed day off.
  std::optional<std::string> holiday_name(const Date& date) const;
  size_t size() const { return days_off_.size() + workdays_.size(); }

 private:
  std::unordered_map<int64_t, std::string> days_off_;
  std::unordered_set<int64_t> workdays_;
};

bool is_working_day(const Date& date, const HolidayCalendar& holidays);

// The n-th working day after `start` (start itself not counted), so that
// "within 5 working days from D" is due add_working_days(D, 5). n = 0 gives
// `start`; negative n counts backwards.
Date add_working_days(const Date& start, int n, const HolidayCalendar& holidays);

// Working days in (from, to]: 0 when to <= from.
int working_days_between(const Date& from, const Date& to, const HolidayCalendar& holidays);

}  // namespace congvan
