// Civil-date arithmetic and the holiday table behind working-day deadlines.
#include "congvan/calendar.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "extract/rules_file.h"

namespace congvan {

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t len, int& out) {
    auto r = std::from_chars(iso.data() + at, iso.data() + at + len, out);
    return r.ec == std::errc() && r.ptr == iso.data() + at + len;
  };
  Date d;
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::string to_iso(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t to_day_number(const Date& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date from_day_number(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date add_days(const Date& date, int64_t days) { return from_day_number(to_day_number(date) + days); }

Date add_months(const Date& date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  int y = total / 12;
  int m = total % 12 + 1;
  return Date{y, m, std::min(date.day, days_in_month(y, m))};
}

int iso_weekday(const Date& date) {
  // 1970-01-01 was a Thursday (4).
  int64_t n = to_day_number(date);
  int64_t w = ((n % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

Date last_day_of_month(int year, int month) { return Date{year, month, days_in_month(year, month)}; }

Date last_day_of_quarter(int year, int quarter) { return last_day_of_month(year, quarter * 3); }

Result<HolidayCalendar> HolidayCalendar::load(const std::filesystem::path& tsv) {
  auto rows = read_table_file(tsv);
  if (!rows) return rows.status();
  HolidayCalendar cal;
  for (const auto& row : *rows) {
    if (row.fields.size() < 3) {
      return Status::error(row.where() + ": expected date, kind and name separated by tabs");
    }
    auto date = parse_iso_date(row.fields[0]);
    if (!date) return Status::error(row.where() + ": bad date '" + row.fields[0] + "'");
    const std::string& kind = row.fields[1];
    if (kind == "holiday" || kind == "compensatory") {
      cal.add_day_off(*date, row.fields[2]);
    } else if (kind == "workday") {
      cal.add_workday(*date);
    } else {
      return Status::error(row.where() + ": unknown kind '" + kind +
                           "' (holiday, compensatory or workday)");
    }
  }
  return cal;
}

void HolidayCalendar::add_day_off(const Date& date, std::string name) {
  days_off_[to_day_number(date)] = std::move(name);
}

void HolidayCalendar::add_workday(const Date& date) { workdays_.insert(to_day_number(date)); }

bool HolidayCalendar::is_working_day(const Date& date) const {
  const int64_t n = to_day_number(date);
  if (workdays_.count(n)) return true;
  if (iso_weekday(date) >= 6) return false;
  return days_off_.count(n) == 0;
}

std::optional<std::string> HolidayCalendar::holiday_name(const Date& date) const {
  auto it = days_off_.find(to_day_number(date));
  if (it == days_off_.end()) return std::nullopt;
  return it->second;
}

bool is_working_day(const Date& date, const HolidayCalendar& holidays) {
  return holidays.is_working_day(date);
}

Date add_working_days(const Date& start, int n, const HolidayCalendar& holidays) {
  int64_t day = to_day_number(start);
  const int step = n >= 0 ? 1 : -1;
  int left = n >= 0 ? n : -n;
  while (left > 0) {
    day += step;
    if (holidays.is_working_day(from_day_number(day))) --left;
  }
  return from_day_number(day);
}

int working_days_between(const Date& from, const Date& to, const HolidayCalendar& holidays) {
  int count = 0;
  for (int64_t d = to_day_number(from) + 1; d <= to_day_number(to); ++d) {
    if (holidays.is_working_day(from_day_number(d))) ++count;
  }
  return count;
}

}  // namespace congvan
