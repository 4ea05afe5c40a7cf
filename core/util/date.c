/* date.c: ISO 8601 date bounds for range filters. */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int vb_date_bound(const char *s, size_t len, int upper, char out[9])
{
	int y = 0, m = 0, d = 0;
	char digits[9];
	size_t nd = 0;

	for (size_t i = 0; i < len; i++) {
		if (isdigit((unsigned char)s[i])) {
			if (nd == 8)
				return -1;
			digits[nd++] = s[i];
		} else if (s[i] != '-' || (nd != 4 && nd != 6)) {
			return -1;
		}
	}
	if (nd != 4 && nd != 6 && nd != 8)
		return -1;
	for (size_t i = 0; i < 4; i++)
		y = y * 10 + (digits[i] - '0');
	if (nd >= 6) {
		m = (digits[4] - '0') * 10 + (digits[5] - '0');
		if (m < 1 || m > 12)
			return -1;
	}
	if (nd == 8) {
		d = (digits[6] - '0') * 10 + (digits[7] - '0');
		if (d < 1 || d > days_in_month(y, m))
			return -1;
	}
	if (!m)
		m = upper ? 12 : 1;
	if (!d)
		d = upper ? days_in_month(y, m) : 1;
	char tmp[32];
	snprintf(tmp, sizeof(tmp), "%04d%02d%02d", y, m, d);
	memcpy(out, tmp, 9);
	return 0;
}
