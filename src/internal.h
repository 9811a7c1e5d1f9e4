/*
 * internal.h: what every library source file includes first.
 *
 * The public headers, GLib, the error and log helpers, and the argument
 * checks that public entry points run before calling a driver.  The checks
 * report with upstream's codes and wording, naming the argument and the
 * function, so that callers see the same errors as with upstream libvirt.
 */
#pragma once

/* The library range-checks enums against their _LAST sentinels. */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define NULLSTR(s) ((s) ? (s) : "<null>")
#define NULLSTR_EMPTY(s) ((s) ? (s) : "")
#define STREQ(a, b) (strcmp(a, b) == 0)
#define STRNEQ(a, b) (strcmp(a, b) != 0)
#define STREQ_NULLABLE(a, b) (g_strcmp0(a, b) == 0)
#define STRPREFIX(a, b) (strncmp(a, b, strlen(b)) == 0)


/* Rejects flags the caller does not know about, with upstream's message. */
#define virCheckFlags(supported, retval) \
    do { \
        unsigned int _unknown = flags & ~(unsigned int)(supported); \
        if (_unknown) { \
            virReportInvalidArg(flags, "unsupported flags (0x%x) in function %s", \
                                _unknown, __func__); \
            return retval; \
        } \
    } while (0)

#define virCheckFlagsGoto(supported, label) \
    do { \
        unsigned int _unknown = flags & ~(unsigned int)(supported); \
        if (_unknown) { \
            virReportInvalidArg(flags, "unsupported flags (0x%x) in function %s", \
                                _unknown, __func__); \
            goto label; \
        } \
    } while (0)

#define VIR_EXCLUSIVE_FLAGS_GOTO(FLAG1, FLAG2, label) \
    do { \
        if ((flags & (FLAG1)) && (flags & (FLAG2))) { \
            virReportInvalidArg(ctl, "Flags '%s' and '%s' are mutually exclusive", \
                                #FLAG1, #FLAG2); \
            goto label; \
        } \
    } while (0)

#define VIR_EXCLUSIVE_FLAGS_RET(FLAG1, FLAG2, retval) \
    do { \
        if ((flags & (FLAG1)) && (flags & (FLAG2))) { \
            virReportInvalidArg(ctl, "Flags '%s' and '%s' are mutually exclusive", \
                                #FLAG1, #FLAG2); \
            return retval; \
        } \
    } while (0)

#define VIR_REQUIRE_FLAG_GOTO(FLAG1, FLAG2, label) \
    do { \
        if ((flags & (FLAG1)) && !(flags & (FLAG2))) { \
            virReportInvalidArg(ctl, "Flag '%s' is required by flag '%s'", \
                                #FLAG2, #FLAG1); \
            goto label; \
        } \
    } while (0)

#define VIR_REQUIRE_FLAG_RET(FLAG1, FLAG2, retval) \
    do { \
        if ((flags & (FLAG1)) && !(flags & (FLAG2))) { \
            virReportInvalidArg(ctl, "Flag '%s' is required by flag '%s'", \
                                #FLAG2, #FLAG1); \
            return retval; \
        } \
    } while (0)

#define virReportInvalidArgMsg(argname, msg) \
    virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __func__, argname, \
                      NULL, 0, 0, msg, argname, __func__)

#define virCheckNonNullArgGoto(arg, label) \
    do { if ((arg) == NULL) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be NULL"); goto label; } \
    } while (0)
#define virCheckNonNullArgReturn(arg, retval) \
    do { if ((arg) == NULL) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be NULL"); return retval; } \
    } while (0)
#define virCheckNullArgGoto(arg, label) \
    do { if ((arg) != NULL) { \
        virReportInvalidArgMsg(#arg, "%s in %s must be NULL"); goto label; } \
    } while (0)
#define virCheckNonEmptyStringArgGoto(arg, label) \
    do { if ((arg) == NULL) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be NULL"); goto label; } \
        if (*(arg) == '\0') { \
        virReportInvalidArgMsg(#arg, "string %s in %s must not be empty"); goto label; } \
    } while (0)
#define virCheckPositiveArgGoto(arg, label) \
    do { if ((arg) <= 0) { \
        virReportInvalidArgMsg(#arg, "%s in %s must be greater than zero"); goto label; } \
    } while (0)
#define virCheckNonZeroArgGoto(arg, label) \
    do { if ((arg) == 0) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be zero"); goto label; } \
    } while (0)
/* Upstream reports a non-zero argument with its "must not be zero" text. */
#define virCheckZeroArgGoto(arg, label) \
    do { if ((arg) != 0) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be zero"); goto label; } \
    } while (0)
#define virCheckNonNegativeArgGoto(arg, label) \
    do { if ((arg) < 0) { \
        virReportInvalidArgMsg(#arg, "%s in %s must be zero or greater"); goto label; } \
    } while (0)
/* Legacy APIs whose caller passes a buffer and its element count. */
#define virCheckNonNullArrayArgGoto(arg, count, label) \
    do { if (!(arg) && (count) > 0) { \
        virReportInvalidArgMsg(#arg, "%s in %s must not be NULL"); goto label; } \
    } while (0)

#define virCheckReadOnlyGoto(connflags, label) \
    do { if ((connflags) & VIR_CONNECT_RO) { \
        virReportRestrictedError("read only access prevents %s", __func__); \
        goto label; } \
    } while (0)
