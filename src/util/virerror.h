/*
 * virerror.h: reporting errors from inside the library.
 *
 * Code that finds a problem reports it where it is found, with the error
 * domain of its file (VIR_FROM_THIS) and one of the public virErrorNumber
 * codes.  The error lands in the calling thread's last-error slot; public
 * entry points then call virDispatchError() to copy it to the connection and
 * run the application's error callbacks.
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <glib.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

/* Records an error in the thread's last-error slot (and logs it).
 * fmt may be NULL: the message is then the code's generic text. */
void virRaiseErrorFull(const char *filename, const char *funcname,
                       size_t linenr, int domain, int code,
                       virErrorLevel level, const char *str1,
                       const char *str2, const char *str3, int int1,
                       int int2, const char *fmt, ...)
    G_GNUC_PRINTF(12, 13);

/* The common case: the code's wording with fmt's text filled in, as
 * "<generic text>: <detail>". */
void virReportErrorHelper(int domcode, int errcode, const char *filename,
                          const char *funcname, size_t linenr,
                          const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* VIR_ERR_SYSTEM_ERROR with errno's text appended. */
void virReportSystemErrorFull(int domcode, int theerrno, const char *filename,
                              const char *funcname, size_t linenr,
                              const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Copies the thread's error to conn (when given) and runs the callbacks:
 * the connection's handler if set, else the global one, else the default
 * handler that prints to stderr.  Sets a generic error if none was set. */
void virDispatchError(virConnectPtr conn);

/* The text for an error code, as upstream words it; info is the detail
 * substituted into it (may be NULL). */
const char *virErrorMsg(virErrorNumber error, const char *info);

/* Save the thread's current error (may be none) and put it back later,
 * so cleanup code that fails does not hide the original problem. */
void virErrorPreserveLast(virErrorPtr *saveerr);
void virErrorRestore(virErrorPtr *savederr);

/* Copies an error, including its strings; dst is reset first. */
int virCopyErrorInternal(const virError *from, virError *to);

/* Called by the library's one-time initialisation. */
int virErrorInitialize(void);

#define virReportError(code, ...) \
    virReportErrorHelper(VIR_FROM_THIS, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

#define virReportSystemError(theerrno, fmt, ...) \
    virReportSystemErrorFull(VIR_FROM_THIS, (theerrno), __FILE__, __func__, \
                             __LINE__, (fmt), __VA_ARGS__)

#define virReportUnsupportedError() \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_NO_SUPPORT, __FILE__, \
                         __func__, __LINE__, "%s", __func__)

#define virReportRestrictedError(...) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_OPERATION_DENIED, __FILE__, \
                         __func__, __LINE__, __VA_ARGS__)

#define virReportInvalidArg(argname, fmt, ...) \
    virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __func__, \
                      #argname, NULL, 0, 0, (fmt), __VA_ARGS__)

#define virReportEnumRangeError(typname, value) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_INTERNAL_ERROR, __FILE__, \
                         __func__, __LINE__, \
                         "Unexpected enum value %d for %s", \
                         (int)(value), #typname)
