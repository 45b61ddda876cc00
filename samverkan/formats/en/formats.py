# British-style English, day before month ("8 Dec 2026", "Tuesday 8 December 2026"), the same
# 24-hour clock as Swedish, and a comma between groups of three digits (28,418).
DATE_FORMAT = "j F Y"  # 8 December 2026
ABBR_DATE_FORMAT = "j M Y"  # 8 Dec 2026
WEEKDAY_DATE_FORMAT = "l j F Y"  # Tuesday 8 December 2026
ABBR_WEEKDAY_DATE_FORMAT = "D j M"  # Tue 8 Dec
MONTH_DAY_FORMAT = "j F"  # 8 December
ABBR_MONTH_DAY_FORMAT = "j M"  # 8 Dec
YEAR_MONTH_FORMAT = "F Y"  # December 2026
TIME_FORMAT = "H:i"  # 14:00
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # weekday, date, 14:00
DATETIME_FORMAT = "j F Y, H:i"  # 8 December 2026, 14:00
ABBR_DATETIME_FORMAT = "j M Y, H:i"  # 8 Dec 2026, 14:00
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
