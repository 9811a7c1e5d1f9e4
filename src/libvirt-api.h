/*
 * libvirt-api.h: checks that public entry points share, generated
 * (src/api/gen_code.py) and hand-written alike.
 *
 * They are macros so that an error names the public function (__func__)
 * and carries the error domain (VIR_FROM_THIS) of the code using them.
 */
#pragma once

#include <limits.h>
#include <sys/stat.h>

#include "internal.h"
#include "driver.h"

#define VIR_API_FD_PASSING_MSG "fd passing is not supported by this connection"

/* The largest memory size (in bytes) a domain may be given: off_t's range
 * on 64-bit hosts, 4 GiB worth of KiB on 32-bit ones. */
static inline unsigned long long
virAPIMemoryMaxValue(void)
{
    if (sizeof(unsigned long) < sizeof(long long))
        return 1024ull * ULONG_MAX;
    return LLONG_MAX;
}

/* Drivers that can carry string typed parameters get them (flags gains
 * VIR_TYPED_PARAM_STRING_OKAY); asking the driver may itself fail. */
#define virAPIStringParamsOkayGoto(conn, flagsp, label) \
    do { \
        int rc_ = virDrvSupportsFeature((conn), VIR_DRV_FEATURE_TYPED_PARAM_STRING); \
        if (rc_ < 0) \
            goto label; \
        if (rc_) \
            *(flagsp) |= VIR_TYPED_PARAM_STRING_OKAY; \
    } while (0)

/* The call needs a driver feature: VIR_ERR_ARGUMENT_UNSUPPORTED with msg
 * when the driver lacks it. */
#define virAPIRequireFeatureGoto(conn, feature, msg, label) \
    do { \
        int rc_ = virDrvSupportsFeature((conn), (feature)); \
        if (rc_ < 0) \
            goto label; \
        if (rc_ == 0) { \
            virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s", (msg)); \
            goto label; \
        } \
    } while (0)

/* fd must be an open socket. */
#define virAPICheckSocketFDGoto(fd, label) \
    do { \
        struct stat sb_; \
        if (fstat((fd), &sb_) < 0) { \
            virReportSystemError(errno, "Unable to access file descriptor %d", (fd)); \
            goto label; \
        } \
        if (!S_ISSOCK(sb_.st_mode)) { \
            virReportInvalidArg(fd, "fd %d must be a socket", (fd)); \
            goto label; \
        } \
    } while (0)

/* Save, restore and dump run in another process (the daemon, QEMU) whose
 * working directory is not the caller's, so relative paths are resolved
 * before the driver sees them.  *absp is set to a new string. */
#define virAPIAbsolutePathGoto(path, what, absp, label) \
    do { \
        if (!(*(absp) = g_canonicalize_filename((path), NULL))) { \
            virReportError(VIR_ERR_INTERNAL_ERROR, \
                           "could not build absolute %s file path", (what)); \
            goto label; \
        } \
    } while (0)

/* The shared steps of the generated typed parameter Add and Get functions
 * (libvirt-common.c).  virTypedParamsAddPrepare: a new named, typed slot
 * at the end of *params, NULL with the error dispatched on failure.
 * virTypedParamsLookup: 1 with *param set, 0 when absent, -1 (dispatched)
 * on a type mismatch. */
virTypedParameterPtr virTypedParamsAddPrepare(virTypedParameterPtr *params,
                                              int *nparams, int *maxparams,
                                              const char *name, int type);
int virTypedParamsLookup(virTypedParameterPtr params, int nparams,
                         const char *name, int type,
                         virTypedParameterPtr *param);
