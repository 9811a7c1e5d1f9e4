/*
 * libvirt-error.c: the public error API (virGetLastError, virSetErrorFunc,
 * the per-connection variants, ...).
 *
 * Errors are kept per thread by util/virerror.c; these functions read,
 * copy and reset that slot, or the copy kept in a connection, which is
 * protected by the connection's lock.  Behaviour follows upstream, including
 * its answers for a NULL connection or a missing error.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virerrorpriv.h"

virErrorPtr
virGetLastError(void)
{
    virErrorPtr err = virErrorLastObject();

    if (err->code == VIR_ERR_OK)
        return NULL;
    return err;
}

int
virGetLastErrorCode(void)
{
    return virErrorLastObject()->code;
}

int
virGetLastErrorDomain(void)
{
    return virErrorLastObject()->domain;
}

const char *
virGetLastErrorMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    if (err->code == VIR_ERR_OK)
        return "no error";
    if (!err->message)
        return "unknown error";
    return err->message;
}

int
virCopyLastError(virErrorPtr to)
{
    if (!to)
        return -1;
    /* The caller's struct may hold garbage: do not free what it points to. */
    memset(to, 0, sizeof(*to));
    virCopyErrorInternal(virErrorLastObject(), to);
    return to->code;
}

virErrorPtr
virSaveLastError(void)
{
    int save_errno = errno;
    virErrorPtr to = g_new0(virError, 1);

    virCopyLastError(to);
    errno = save_errno;
    return to;
}

void
virResetError(virErrorPtr err)
{
    virErrorClear(err);
}

void
virFreeError(virErrorPtr err)
{
    virErrorClear(err);
    g_free(err);
}

void
virResetLastError(void)
{
    virErrorPtr err = virErrorLastObject();

    /* Called at the start of every entry point: skip the work when the
     * slot is already clear. */
    if (err->code != VIR_ERR_OK || err->message)
        virErrorClear(err);
}

virErrorPtr
virConnGetLastError(virConnectPtr conn)
{
    if (!conn)
        return NULL;
    return &conn->err;
}

int
virConnCopyLastError(virConnectPtr conn, virErrorPtr to)
{
    if (!to)
        return -1;
    memset(to, 0, sizeof(*to));
    if (!conn)
        return -1;

    virObjectLock(conn);
    if (conn->err.code != VIR_ERR_OK)
        virCopyErrorInternal(&conn->err, to);
    virObjectUnlock(conn);
    return to->code;
}

void
virConnResetLastError(virConnectPtr conn)
{
    if (!conn)
        return;
    virObjectLock(conn);
    virErrorClear(&conn->err);
    virObjectUnlock(conn);
}

void
virSetErrorFunc(void *userData, virErrorFunc handler)
{
    virErrorSetGlobalHandler(userData, handler);
}

void
virConnSetErrorFunc(virConnectPtr conn, void *userData, virErrorFunc handler)
{
    if (!conn)
        return;
    virObjectLock(conn);
    conn->handler = handler;
    conn->userData = userData;
    virObjectUnlock(conn);
}

void
virDefaultErrorFunc(virErrorPtr err)
{
    virErrorPrintDefault(err);
}
