/* A tiny unit-test harness: each CHECK prints "ok"/"FAIL" lines run-all.sh counts. */
#ifndef KSERIES_UNIT_H
#define KSERIES_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(name, cond) do { \
	if (cond) { \
		printf("ok %s\n", name); \
	} else { \
		printf("FAIL %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
		unit_failed++; \
	} \
	fflush(stdout); \
} while (0)

#define CHECK_STR(name, got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	CHECK(name, g_ && w_ && !strcmp(g_, w_)); \
	if (!(g_ && w_ && !strcmp(g_, w_))) \
		printf("  got '%s', want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define UNIT_EXIT() return unit_failed ? 1 : 0

#endif
