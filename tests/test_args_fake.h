/*
 * test_args_fake.h: what the argument tests (test_domain_args.c,
 * test_other_args.c) share: a private connection driver's open, close and
 * feature slots, error assertions and a main() prologue.
 *
 * Each test defines its own driver tables with the slots it needs and
 * points their connectOpen, connectClose and connectSupportsFeature at the
 * functions here; fakeFeatures[] says which driver features it claims.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "driver.h"

extern const unsigned char fakeUUID[VIR_UUID_BUFLEN];

/* Indexed by VIR_DRV_FEATURE_*: non-zero means supported. */
extern int fakeFeatures[32];

virDrvOpenStatus fakeConnectOpen(virConnectPtr conn, virConnectAuthPtr auth,
                                 unsigned int flags);
int fakeConnectClose(virConnectPtr conn);
int fakeSupportsFeature(virConnectPtr conn, int feature);

/* A callback of any type that is never called: the checks fail first or
 * the driver has no slot. */
void fakeDummyCallback(void);
#define DUMMY_CB(type) ((type)(void (*)(void))fakeDummyCallback)

#define ASSERT_ERR(call, failval, code, domain) \
    do { \
        g_assert_true((call) == (failval)); \
        g_assert_cmpint(virGetLastErrorCode(), ==, (code)); \
        g_assert_cmpint(virGetLastErrorDomain(), ==, (domain)); \
    } while (0)

/* Sets up GLib's test framework and the library, silences the default
 * error printing and registers drv, reached at uri ("scheme:///").
 * Returns -1 on failure. */
int fakeTestInit(int *argc, char ***argv, virConnectDriver *drv,
                 const char *uri);

/* A connection to the registered driver. */
virConnectPtr openFake(bool readonly);
