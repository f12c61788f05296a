// Working-day arithmetic across Tết and 30/4-1/5, the holiday table, and the
// lunar dates of Tết and Giỗ Tổ Hùng Vương it was generated from.
#include <catch2/catch.hpp>

#include "congvan/calendar.h"
#include "test_support.h"

using namespace congvan;

namespace {

const HolidayCalendar& holidays() {
  static const HolidayCalendar kHolidays = [] {
    auto h = HolidayCalendar::load(test::source_dir() / "models" / "holidays.tsv");
    if (!h) FAIL(h.message());
    return std::move(h.value());
  }();
  return kHolidays;
}

Date d(const char* iso) { return *parse_iso_date(iso); }

}  // namespace

TEST_CASE("civil dates: ISO, weekdays, month and quarter ends", "[calendar]") {
  CHECK(to_iso(Date{2024, 2, 9}) == "2024-02-09");
  CHECK_FALSE(parse_iso_date("2024-02-30"));
  CHECK_FALSE(parse_iso_date("2024-02"));
  CHECK_FALSE(parse_iso_date("15/12/2023"));
  CHECK(iso_weekday(d("2024-02-10")) == 6);  // Saturday
  CHECK(iso_weekday(d("2025-01-29")) == 3);  // Wednesday
  CHECK(iso_weekday(d("1970-01-01")) == 4);
  CHECK(to_iso(last_day_of_month(2024, 2)) == "2024-02-29");
  CHECK(to_iso(last_day_of_month(2023, 2)) == "2023-02-28");
  CHECK(to_iso(last_day_of_month(2100, 2)) == "2100-02-28");
  CHECK(to_iso(last_day_of_quarter(2025, 2)) == "2025-06-30");
  CHECK(to_iso(last_day_of_quarter(2024, 3)) == "2024-09-30");
  CHECK(to_iso(last_day_of_quarter(2024, 4)) == "2024-12-31");
  CHECK(to_iso(add_days(d("2024-02-28"), 2)) == "2024-03-01");
  CHECK(to_iso(add_months(d("2024-01-31"), 1)) == "2024-02-29");
  CHECK(to_iso(add_months(d("2024-11-15"), 3)) == "2025-02-15");
  for (int64_t n = -1000; n < 30000; n += 37) CHECK(to_day_number(from_day_number(n)) == n);
}

TEST_CASE("the holiday table loads and covers 2010-2035", "[calendar]") {
  REQUIRE(holidays().size() > 200);
  for (int year = 2010; year <= 2035; ++year) {
    INFO(year);
    // New Year's Day, or its compensatory day when it falls on a weekend.
    Date jan1{year, 1, 1};
    if (iso_weekday(jan1) < 6) CHECK_FALSE(holidays().is_working_day(jan1));
    Date national{year, 9, 2};
    if (iso_weekday(national) < 6) CHECK_FALSE(holidays().is_working_day(national));
  }
}

TEST_CASE("lunar dates of Tết and Giỗ Tổ in the table", "[calendar]") {
  // Tết Nguyên đán (mùng 1 tháng Giêng) of known years is a listed day off
  // whenever it is a weekday.
  for (const char* tet : {"2013-02-11", "2016-02-08", "2018-02-16", "2020-01-27", "2021-02-12",
                          "2022-02-01", "2023-01-23", "2024-02-12", "2025-01-29",
                          "2026-02-17", "2027-02-08", "2030-02-04"}) {
    INFO(tet);
    CHECK(holidays().holiday_name(d(tet)) == std::optional<std::string>("Tết Nguyên đán"));
  }
  // Giỗ Tổ Hùng Vương (10/3 âm lịch).
  for (const char* gio_to : {"2019-04-15", "2022-04-11", "2024-04-18", "2025-04-07",
                             "2027-04-16", "2028-04-04"}) {
    INFO(gio_to);
    CHECK(holidays().holiday_name(d(gio_to)) == std::optional<std::string>("Giỗ Tổ Hùng Vương"));
  }
  // Tết 2024 = 10/02/2024 (Saturday), 2025 = 29/01/2025, 2026 = 17/02/2026:
  // the days around them are off.
  CHECK_FALSE(holidays().is_working_day(d("2024-02-09")));
  CHECK_FALSE(holidays().is_working_day(d("2024-02-14")));
  CHECK(holidays().is_working_day(d("2024-02-15")));
  CHECK_FALSE(holidays().is_working_day(d("2025-01-28")));
  CHECK(holidays().is_working_day(d("2025-02-03")));
  CHECK_FALSE(holidays().is_working_day(d("2026-02-16")));
  CHECK_FALSE(holidays().is_working_day(d("2026-02-20")));
  CHECK(holidays().is_working_day(d("2026-02-23")));
}

TEST_CASE("working days skip weekends, Tết and 30/4-1/5", "[calendar]") {
  const auto& h = holidays();
  // Plain weeks.
  CHECK(to_iso(add_working_days(d("2024-03-15"), 5, h)) == "2024-03-22");
  CHECK(to_iso(add_working_days(d("2024-03-16"), 1, h)) == "2024-03-18");
  CHECK(to_iso(add_working_days(d("2024-03-15"), 0, h)) == "2024-03-15");
  CHECK(to_iso(add_working_days(d("2024-03-22"), -5, h)) == "2024-03-15");
  // Tết 2024: 08/02-14/02 off.
  CHECK(to_iso(add_working_days(d("2024-02-06"), 5, h)) == "2024-02-20");
  CHECK(to_iso(add_working_days(d("2024-02-07"), 1, h)) == "2024-02-15");
  // Tết 2025: 25/01-02/02 off.
  CHECK(to_iso(add_working_days(d("2025-01-23"), 3, h)) == "2025-02-04");
  // Tết 2026: 14/02-22/02 off.
  CHECK(to_iso(add_working_days(d("2026-02-12"), 2, h)) == "2026-02-23");
  // Tết 2023: 20/01-26/01 off.
  CHECK(to_iso(add_working_days(d("2023-01-18"), 3, h)) == "2023-01-30");
  // 30/4-1/5 2024: 27/4-1/5 off (29/4 swapped), Saturday 4/5 worked.
  CHECK_FALSE(h.is_working_day(d("2024-04-29")));
  CHECK(h.is_working_day(d("2024-05-04")));
  CHECK(to_iso(add_working_days(d("2024-04-26"), 1, h)) == "2024-05-02");
  CHECK(to_iso(add_working_days(d("2024-05-03"), 1, h)) == "2024-05-04");
  // 2025: 30/4-4/5 off, 2/5 swapped for Saturday 26/4.
  CHECK(h.is_working_day(d("2025-04-26")));
  CHECK(to_iso(add_working_days(d("2025-04-29"), 1, h)) == "2025-05-05");
  // 2023: 29/4-3/5 off, Saturday 6/5 worked.
  CHECK(to_iso(add_working_days(d("2023-04-28"), 1, h)) == "2023-05-04");
  // 2026 (computed): 30/4 Thursday, 1/5 Friday.
  CHECK(to_iso(add_working_days(d("2026-04-29"), 1, h)) == "2026-05-04");
  // Giỗ Tổ 2026 falls on Sunday 26/4: Monday 27/4 is the compensatory day.
  CHECK_FALSE(h.is_working_day(d("2026-04-27")));
  CHECK(working_days_between(d("2024-02-06"), d("2024-02-20"), h) == 5);
  CHECK(working_days_between(d("2024-02-20"), d("2024-02-06"), h) == 0);
}

TEST_CASE("a calendar without a table knows only weekends", "[calendar]") {
  HolidayCalendar none;
  CHECK(is_working_day(d("2024-02-12"), none));
  CHECK_FALSE(is_working_day(d("2024-02-10"), none));
  none.add_day_off(d("2024-02-12"), "test");
  CHECK_FALSE(is_working_day(d("2024-02-12"), none));
  none.add_workday(d("2024-02-10"));
  CHECK(is_working_day(d("2024-02-10"), none));
}

TEST_CASE("a broken holiday row names its file and line", "[calendar]") {
  test::TempDir dir;
  test::write_file(dir / "h.tsv", "# comment\n2024-02-10\tholiday\tTết\n2024-13-01\tholiday\tx\n");
  auto h = HolidayCalendar::load(dir / "h.tsv");
  REQUIRE_FALSE(h);
  CHECK(h.message().find("h.tsv:3") != std::string::npos);
  test::write_file(dir / "k.tsv", "2024-02-10\tfeast\tTết\n");
  auto k = HolidayCalendar::load(dir / "k.tsv");
  REQUIRE_FALSE(k);
  CHECK(k.message().find("k.tsv:1") != std::string::npos);
}
