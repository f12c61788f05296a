#!/usr/bin/env python3
"""Generates models/holidays.tsv: Vietnamese public holidays 2010-2035.

The lunar dates (Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 âm lịch) come from the
standard Vietnamese lunar calendar algorithm of Hồ Ngọc Đức (astronomical new
moons and solar terms, time zone UTC+7). Fixed holidays follow the Labour Code
(Bộ luật Lao động 2012 from 2013, 2019 from 2021). Years whose days off the
government has announced (Tết ranges, swapped days and make-up Saturdays) are
listed in OFFICIAL below and replace the computed estimate for that holiday.

Usage: python3 models/tools/make_holidays.py > models/holidays.tsv
       python3 models/tools/make_holidays.py --lunar > models/festivals.tsv
       python3 models/tools/make_holidays.py --lunar-months > models/lunar_months.tsv
(--lunar: the solar date of the festivals letters set deadlines by, "trước
Tết Nguyên đán Ất Tỵ", with the sexagenary name of the lunar year.
--lunar-months: the first solar day and the length of every lunar month, so
that any lunar date of those years converts: "trước ngày 23 tháng Chạp",
"mùng 10 tháng Giêng năm Bính Ngọ".)
"""
import datetime as dt
import math
import sys

TZ = 7.0
FIRST_YEAR, LAST_YEAR = 2010, 2035


# --- Hồ Ngọc Đức's lunar calendar -------------------------------------------

def jd_from_date(dd, mm, yy):
    a = (14 - mm) // 12
    y = yy + 4800 - a
    m = mm + 12 * a - 3
    jd = dd + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045
    if jd < 2299161:
        jd = dd + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return jd


def jd_to_date(jd):
    if jd > 2299160:
        a = jd + 32044
        b = (4 * a + 3) // 146097
        c = a - (b * 146097) // 4
    else:
        b = 0
        c = jd + 32082
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = b * 100 + d - 4800 + m // 10
    return dt.date(year, month, day)


def new_moon(k):
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 -= 0.4068 * math.sin(mpr * dr) - 0.0161 * math.sin(dr * 2 * mpr)
    c1 -= 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 -= 0.0074 * math.sin(dr * (m - mpr)) - 0.0004 * math.sin(dr * (2 * f + m))
    c1 -= 0.0004 * math.sin(dr * (2 * f - m)) + 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def new_moon_day(k):
    return math.floor(new_moon(k) + 0.5 + TZ / 24)


def sun_longitude(jdn):
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    lon -= math.pi * 2 * math.floor(lon / (math.pi * 2))
    return lon


def sun_longitude_sector(day_number):
    return math.floor(sun_longitude(day_number - 0.5 - TZ / 24) / math.pi * 6)


def lunar_month11(yy):
    off = jd_from_date(31, 12, yy) - 2415021
    k = math.floor(off / 29.530588853)
    nm = new_moon_day(k)
    if sun_longitude_sector(nm) >= 9:
        nm = new_moon_day(k - 1)
    return nm


def leap_month_offset(a11):
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = sun_longitude_sector(new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = sun_longitude_sector(new_moon_day(k + i))
        if not (arc != last and i < 14):
            break
    return i - 1


def lunar_to_solar(lunar_day, lunar_month, lunar_year, leap=False):
    if lunar_month < 11:
        a11 = lunar_month11(lunar_year - 1)
        b11 = lunar_month11(lunar_year)
    else:
        a11 = lunar_month11(lunar_year)
        b11 = lunar_month11(lunar_year + 1)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    off = lunar_month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = leap_month_offset(a11)
        leap_month = leap_off - 2
        if leap_month < 0:
            leap_month += 12
        if leap and lunar_month != leap_month:
            raise ValueError("no such leap month")
        if leap or off >= leap_off:
            off += 1
    month_start = new_moon_day(k + off)
    return jd_to_date(month_start + lunar_day - 1)


# --- Official announcements --------------------------------------------------
# year -> {holiday name: (list of (first, last) days off, list of make-up Saturdays)}.
# Days off include the weekend days inside the range; make-up days are Saturdays
# worked in exchange for a swapped day. Add a year when the government
# (Thủ tướng / Bộ LĐ-TB&XH, from 2025 Bộ Nội vụ) announces it.
D = dt.date
OFFICIAL = {
    2014: {"Tết Nguyên đán": ([(D(2014, 1, 29), D(2014, 2, 4))], [])},
    2015: {"Tết Nguyên đán": ([(D(2015, 2, 16), D(2015, 2, 24))], [])},
    2016: {"Tết Nguyên đán": ([(D(2016, 2, 6), D(2016, 2, 14))], [])},
    2017: {"Tết Nguyên đán": ([(D(2017, 1, 26), D(2017, 2, 1))], [])},
    2018: {"Tết Nguyên đán": ([(D(2018, 2, 14), D(2018, 2, 20))], [])},
    2019: {"Tết Nguyên đán": ([(D(2019, 2, 2), D(2019, 2, 10))], [])},
    2020: {"Tết Nguyên đán": ([(D(2020, 1, 23), D(2020, 1, 29))], [])},
    2021: {"Tết Nguyên đán": ([(D(2021, 2, 10), D(2021, 2, 16))], [])},
    2022: {"Tết Nguyên đán": ([(D(2022, 1, 29), D(2022, 2, 6))], [])},
    2023: {"Tết Nguyên đán": ([(D(2023, 1, 20), D(2023, 1, 26))], []),
           # Giỗ Tổ fell on Saturday 29/4: one range covers it and 30/4-1/5.
           "Giỗ Tổ Hùng Vương": ([], []),
           "Giải phóng miền Nam và Quốc tế Lao động": (
               [(D(2023, 4, 29), D(2023, 5, 3))], [D(2023, 5, 6)]),
           "Quốc khánh": ([(D(2023, 9, 1), D(2023, 9, 4))], [])},
    2024: {"Tết Nguyên đán": ([(D(2024, 2, 8), D(2024, 2, 14))], []),
           "Giải phóng miền Nam và Quốc tế Lao động": (
               [(D(2024, 4, 27), D(2024, 5, 1))], [D(2024, 5, 4)]),
           "Quốc khánh": ([(D(2024, 8, 31), D(2024, 9, 3))], [])},
    2025: {"Tết Nguyên đán": ([(D(2025, 1, 25), D(2025, 2, 2))], []),
           "Giải phóng miền Nam và Quốc tế Lao động": (
               [(D(2025, 4, 30), D(2025, 5, 4))], [D(2025, 4, 26)]),
           "Quốc khánh": ([(D(2025, 8, 30), D(2025, 9, 2))], [])},
    2026: {"Tết Nguyên đán": ([(D(2026, 2, 14), D(2026, 2, 22))], [])},
}


def weekend(day):
    return day.weekday() >= 5


def days(first, last):
    out = []
    while first <= last:
        out.append(first)
        first += dt.timedelta(days=1)
    return out


def with_compensation(official_days, taken):
    """Official days plus, for each one on a weekend, the next free weekday."""
    out = [(d, "holiday") for d in official_days]
    busy = set(official_days) | taken
    extra = sum(1 for d in official_days if weekend(d))
    nxt = max(official_days)
    while extra:
        nxt += dt.timedelta(days=1)
        if weekend(nxt) or nxt in busy:
            continue
        out.append((nxt, "compensatory"))
        busy.add(nxt)
        extra -= 1
    return out


def estimated(year):
    """Holidays of `year` by the Labour Code, weekend days compensated."""
    tet = lunar_to_solar(1, 1, year)
    tet_days = 4 if year < 2013 else 5
    # The eve (last day of the old year) and the first days of the new year.
    tet_range = days(tet - dt.timedelta(days=1), tet + dt.timedelta(days=tet_days - 2))
    national = [D(year, 9, 2)]
    if year >= 2021:
        wd = D(year, 9, 2).weekday()  # Monday = 0
        national.append(D(year, 9, 3) if wd in (0, 3, 6) else D(year, 9, 1))
    return {
        "Tết Dương lịch": [D(year, 1, 1)],
        "Tết Nguyên đán": tet_range,
        "Giỗ Tổ Hùng Vương": [lunar_to_solar(10, 3, year)],
        "Giải phóng miền Nam và Quốc tế Lao động": [D(year, 4, 30), D(year, 5, 1)],
        "Quốc khánh": sorted(national),
    }


def rows(year):
    out = []
    official = OFFICIAL.get(year, {})
    for name, (ranges, makeup) in official.items():
        for first, last in ranges:
            for d in days(first, last):
                out.append((d, name, "holiday", "official"))
        for d in makeup:
            out.append((d, name, "workday", "official"))
    taken = {row[0] for row in out}
    for name, legal_days in estimated(year).items():
        if name in official:
            continue
        for d, kind in with_compensation(legal_days, taken):
            if d not in taken:
                out.append((d, name, kind, "computed"))
            taken.add(d)
    return sorted(out)


STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]
# lunar day, lunar month, festival name
FESTIVALS = [(1, 1, "Tết Nguyên đán"), (10, 3, "Giỗ Tổ Hùng Vương"), (15, 8, "Tết Trung thu")]


def year_name(lunar_year):
    """The sexagenary name of a lunar year: 2025 → "Ất Tỵ"."""
    return "%s %s" % (STEMS[(lunar_year + 6) % 10], BRANCHES[(lunar_year + 8) % 12])


def lunar_main():
    w = sys.stdout.write
    w("# Festivals %d-%d, generated by models/tools/make_holidays.py --lunar.\n"
      % (FIRST_YEAR, LAST_YEAR))
    w("# Columns: solar date (YYYY-MM-DD) <TAB> festival <TAB> name of the lunar year\n")
    w("# Deadlines such as \"trước Tết Nguyên đán Ất Tỵ\" are resolved with it.\n")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        w("%s\t%s\t%s\n" % (D(year, 1, 1).isoformat(), "Tết Dương lịch", year_name(year - 1)))
        for day, month, name in FESTIVALS:
            w("%s\t%s\t%s\n" % (lunar_to_solar(day, month, year).isoformat(), name, year_name(year)))


def lunar_months_main():
    w = sys.stdout.write
    w("# Lunar months %d-%d, generated by models/tools/make_holidays.py --lunar-months.\n"
      % (FIRST_YEAR, LAST_YEAR))
    w("# Columns: solar date of the month's first day (YYYY-MM-DD) <TAB> lunar year\n")
    w("#   <TAB> lunar month (1-12) <TAB> leap (1 for a tháng nhuận, else 0) <TAB> days\n")
    w("#   (29 or 30) <TAB> name of the lunar year\n")
    w("# Lunar dates in letters (\"trước ngày 23 tháng Chạp\", \"trước Rằm tháng Giêng\")\n")
    w("# are resolved with it. The lunar year 2025 (Ất Tỵ) begins on 2025-01-29.\n")
    months = []
    # The lunar year before FIRST_YEAR ends in FIRST_YEAR (its months 11-12).
    for year in range(FIRST_YEAR - 1, LAST_YEAR + 1):
        for month in range(1, 13):
            plain = lunar_to_solar(1, month, year)
            months.append((plain, year, month, 0))
            try:
                leap = lunar_to_solar(1, month, year, leap=True)
            except ValueError:
                continue
            if leap != plain:
                months.append((leap, year, month, 1))
    months.sort()
    for i, (first, year, month, leap) in enumerate(months[:-1]):
        if first.year > LAST_YEAR:
            break
        length = (months[i + 1][0] - first).days
        assert length in (29, 30), (first, year, month, leap, length)
        if first.year < FIRST_YEAR and months[i + 1][0].year < FIRST_YEAR:
            continue
        w("%s\t%d\t%d\t%d\t%d\t%s\n" % (first.isoformat(), year, month, leap, length, year_name(year)))


def main():
    if "--lunar-months" in sys.argv[1:]:
        lunar_months_main()
        return
    if "--lunar" in sys.argv[1:]:
        lunar_main()
        return
    w = sys.stdout.write
    w("# Vietnamese public holidays %d-%d, generated by models/tools/make_holidays.py.\n"
      % (FIRST_YEAR, LAST_YEAR))
    w("# Columns: date (YYYY-MM-DD) <TAB> kind <TAB> holiday <TAB> source\n")
    w("#   kind: holiday (day off), compensatory (nghỉ bù for a holiday on a weekend),\n")
    w("#         workday (a Saturday or Sunday worked in exchange for a swapped day).\n")
    w("#   source: official (announced) or computed (Labour Code + lunar calendar).\n")
    w("# Weekends are never listed; they are days off unless listed as workday.\n")
    w("# Edit by hand or update OFFICIAL in the script and regenerate.\n")
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for d, name, kind, source in rows(year):
            if kind != "workday" and weekend(d):
                continue  # weekends are days off anyway
            w("%s\t%s\t%s\t%s\n" % (d.isoformat(), kind, name, source))


if __name__ == "__main__":
    main()
