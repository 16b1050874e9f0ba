/* Monotonic milliseconds, for waits that give up after a limit. */
#ifndef KSERIES_CLOCK_H
#define KSERIES_CLOCK_H

long now_ms(void);
void nap_ms(long ms);

#endif
