/* Monotonic milliseconds, for waits that give up after a limit. */
#ifndef KSERIES_CLOCK_H
#define KSERIES_CLOCK_H

long now_ms(void);
void nap_ms(long ms);
struct timespec;
/* Seconds on the monotonic clock since t0 (clock_gettime(CLOCK_MONOTONIC, t0)). */
double seconds_since(const struct timespec *t0);

#endif
