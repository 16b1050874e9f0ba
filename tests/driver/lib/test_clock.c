/* Unit tests of driver/lib/clock.c: a nap lasts at least as long as asked, on any machine. */
#include <time.h>
#include "lib/clock.h"
#include "unit.h"

int main(void)
{
	struct timespec t0;
	long a, b;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	a = now_ms();
	nap_ms(30);
	b = now_ms();
	CHECK("nap_ms: at least the time asked", b - a >= 30);
	CHECK("seconds_since: counts the nap", seconds_since(&t0) >= 0.030);
	CHECK("now_ms: never goes back", now_ms() >= b);
	UNIT_EXIT();
}
