# kseries: build, test, install, benchmark.
CC ?= gcc
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE
JANSSON_CFLAGS := $(shell pkg-config --cflags jansson 2>/dev/null)
JANSSON_LIBS := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)
PREFIX ?= /usr/local

# driver/ is in layered folders (docs/design.md): each one's .c files, main.c apart.
DRIVER_SRC := $(wildcard driver/*/*.c)
DRIVER_HDR := $(wildcard driver/*.h driver/*/*.h)
DRIVER_OBJ := $(DRIVER_SRC:.c=.o)
# tests/driver/ mirrors driver/'s folders: tests/driver/lib/test_strbuf.c tests driver/lib/strbuf.c
TEST_SRC := $(wildcard tests/driver/*/test_*.c)
TEST_BIN := $(TEST_SRC:.c=)

# Debian packages every part of kseries needs (see docs/install.md).
DEB_PKGS := coccinelle git python3 perl gcc make libc6-dev pkg-config ccache procps util-linux binutils patch \
	bc flex bison libelf-dev libssl-dev libjansson-dev \
	gcc-arm-linux-gnueabi gcc-aarch64-linux-gnu \
	gcc-powerpc64le-linux-gnu gcc-mips-linux-gnu \
	gcc-powerpc64-linux-gnu chromium fonts-dejavu-core distcc icecc \
	qemu-system-x86 busybox-static linux-image-amd64 linux-headers-amd64 cpio e2fsprogs kmod \
	b4 git-email libmailtools-perl sparse
# Commands a test needs, with the packages that bring them when missing (a
# machine may have them from elsewhere: NodeSource's nodejs brings its own npm).
DEB_CMDS := npm=nodejs,npm

.PHONY: all deps check check-asan check-faults check-only bench audit-corpus install clean

all: driver/kseries

driver/kseries: driver/main.o $(DRIVER_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS)

driver/%.o: driver/%.c $(DRIVER_HDR)
	$(CC) $(CFLAGS) $(WARN) $(JANSSON_CFLAGS) -Idriver -DKSERIES_SHARE='"$(PREFIX)/share/kseries"' -c -o $@ $<

$(TEST_BIN): %: %.c tests/driver/unit.h $(DRIVER_OBJ)
	$(CC) $(CFLAGS) $(WARN) $(JANSSON_CFLAGS) -Idriver -Itests/driver -DTOP='"$(CURDIR)"' -o $@ $< $(DRIVER_OBJ) $(JANSSON_LIBS)

deps:
	@DEB_PKGS="$(DEB_PKGS)" DEB_CMDS="$(DEB_CMDS)" scripts/deps.sh install

# The README's test command: installs what is missing, builds, runs every test.
check:
	@DEB_PKGS="$(DEB_PKGS)" DEB_CMDS="$(DEB_CMDS)" scripts/deps.sh ensure
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@tests/run-all.sh

# The same suite with AddressSanitizer and UBSan on the driver and its unit tests.
check-asan:
	@$(MAKE) --no-print-directory clean
	@$(MAKE) --no-print-directory CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" all $(TEST_BIN)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 tests/run-all.sh
	@$(MAKE) --no-print-directory clean

# The fault suite: signals at many points, to the process and its group.
check-faults:
	@DEB_PKGS="$(DEB_PKGS)" DEB_CMDS="$(DEB_CMDS)" scripts/deps.sh ensure
	@$(MAKE) --no-print-directory all
	@tests/faults.sh

# The audit's speed always; the series' against bare spatch with KSERIES_KERNEL set.
bench: all
	@tests/bench_audit.sh
	@if [ -n "$$KSERIES_KERNEL" ]; then tests/bench.sh; \
	else echo "kseries: bench: series part skipped: set KSERIES_KERNEL and KSERIES_REV (docs/testing.md: real trees)" >&2; fi

# the audit on answers known in advance: the tree's own drivers (KSERIES_KERNEL) and Debian's DKMS modules
audit-corpus: all
	@tests/audit_corpus.py

install: all
	install -D -m 755 driver/kseries $(DESTDIR)$(PREFIX)/bin/kseries
	mkdir -p $(DESTDIR)$(PREFIX)/share/kseries
	cp -r cocci kernel-fixups $(DESTDIR)$(PREFIX)/share/kseries/
	install -D -m 644 docs/kseries.1 $(DESTDIR)$(PREFIX)/share/man/man1/kseries.1

clean:
	rm -f driver/*.o driver/*/*.o driver/kseries $(TEST_BIN)
