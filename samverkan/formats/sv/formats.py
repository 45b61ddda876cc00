# Swedish as Språkrådet's Svenska skrivregler writes it: month and weekday names in lower case
# ("8 dec 2026", "tisdag 8 december 2026"), 24-hour time with a colon (14:00, as the time
# fields of the forms show it), thin groups of three digits with a non-breaking space (28 418).
DATE_FORMAT = "j F Y"  # 8 december 2026
ABBR_DATE_FORMAT = "j b Y"  # 8 dec 2026
WEEKDAY_DATE_FORMAT = "l j F Y"  # tisdag 8 december 2026
ABBR_WEEKDAY_DATE_FORMAT = "D j b"  # tis 8 dec
MONTH_DAY_FORMAT = "j F"  # 8 december
ABBR_MONTH_DAY_FORMAT = "j b"  # 8 dec
YEAR_MONTH_FORMAT = "F Y"  # december 2026
TIME_FORMAT = "H:i"  # 14:00
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # weekday, date, 14:00
DATETIME_FORMAT = "j F Y, H:i"  # 8 december 2026, 14:00
ABBR_DATETIME_FORMAT = "j b Y, H:i"  # 8 dec 2026, 14:00
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
