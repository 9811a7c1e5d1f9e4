/*
 * libvirt-storage.c: the hand-written public entry points for storage
 * pools and volumes.
 *
 * The rest is generated from src/api/libvirt-storage.api.  Written here:
 * calls that take two objects (a clone source, a stream) and must check
 * both, the resize capacity rule, UUID string parsing, the key accessor
 * and event registration, which checks the pool against the connection.
 */
/* The event-ID range checks need the public enums' _LAST sentinels. */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_LOG_INIT("libvirt.storage");


const char *
virStorageVolGetKey(virStorageVolPtr vol)
{
    VIR_DEBUG("vol=%p", (void *)vol);

    virResetLastError();

    virCheckStorageVolReturn(vol, NULL);

    return vol->key;
}

virStorageVolPtr
virStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xmlDesc,
                           virStorageVolPtr clonevol, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("pool=%p, xmlDesc=%s, clonevol=%p, flags=0x%x", (void *)pool,
              NULLSTR(xmlDesc), (void *)clonevol, flags);

    virResetLastError();

    virCheckStoragePoolReturn(pool, NULL);
    conn = pool->conn;
    virCheckStorageVolGoto(clonevol, error);
    virCheckNonNullArgGoto(xmlDesc, error);
    /* Either connection being read-only is enough to refuse. */
    virCheckReadOnlyGoto(conn->flags | clonevol->conn->flags, error);

    if (conn->storageDriver && conn->storageDriver->storageVolCreateXMLFrom) {
        virStorageVolPtr ret;

        ret = conn->storageDriver->storageVolCreateXMLFrom(pool, xmlDesc,
                                                           clonevol, flags);
        if (!ret)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

int
virStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream,
                      unsigned long long offset, unsigned long long length,
                      unsigned int flags)
{
    VIR_DEBUG("vol=%p, stream=%p, offset=%llu, length=%llu, flags=0x%x",
              (void *)vol, (void *)stream, offset, length, flags);

    virResetLastError();

    virCheckStorageVolReturn(vol, -1);
    virCheckStreamGoto(stream, error);
    virCheckReadOnlyGoto(vol->conn->flags, error);

    if (vol->conn != stream->conn) {
        virReportInvalidArg(stream,
                            "stream in %s must match connection of volume '%s'",
                            __func__, vol->name);
        goto error;
    }

    if (vol->conn->storageDriver && vol->conn->storageDriver->storageVolDownload) {
        int ret;

        ret = vol->conn->storageDriver->storageVolDownload(vol, stream, offset,
                                                           length, flags);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(vol->conn);
    return -1;
}

int
virStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream,
                    unsigned long long offset, unsigned long long length,
                    unsigned int flags)
{
    VIR_DEBUG("vol=%p, stream=%p, offset=%llu, length=%llu, flags=0x%x",
              (void *)vol, (void *)stream, offset, length, flags);

    virResetLastError();

    virCheckStorageVolReturn(vol, -1);
    virCheckStreamGoto(stream, error);
    virCheckReadOnlyGoto(vol->conn->flags, error);

    if (vol->conn != stream->conn) {
        virReportInvalidArg(stream,
                            "stream in %s must match connection of volume '%s'",
                            __func__, vol->name);
        goto error;
    }

    if (vol->conn->storageDriver && vol->conn->storageDriver->storageVolUpload) {
        int ret;

        ret = vol->conn->storageDriver->storageVolUpload(vol, stream, offset,
                                                         length, flags);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(vol->conn);
    return -1;
}

int
virStorageVolResize(virStorageVolPtr vol, unsigned long long capacity,
                    unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("vol=%p, capacity=%llu, flags=0x%x", (void *)vol, capacity,
              flags);

    virResetLastError();

    virCheckStorageVolReturn(vol, -1);
    conn = vol->conn;

    virCheckReadOnlyGoto(conn->flags, error);

    /* A zero size only makes sense relative to the current one. */
    if (capacity == 0 &&
        !(flags & (VIR_STORAGE_VOL_RESIZE_DELTA | VIR_STORAGE_VOL_RESIZE_SHRINK))) {
        virReportInvalidArg(capacity,
                            "capacity in %s cannot be zero without 'delta' "
                            "or 'shrink' flags set", __func__);
        goto error;
    }

    if (conn->storageDriver && conn->storageDriver->storageVolResize) {
        int ret = conn->storageDriver->storageVolResize(vol, capacity, flags);

        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}

int
virConnectStoragePoolEventRegisterAny(virConnectPtr conn,
                                      virStoragePoolPtr pool, int eventID,
                                      virConnectStoragePoolEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, pool=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              (void *)conn, (void *)pool, eventID, (void *)cb, opaque,
              (void *)freecb);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (pool) {
        virCheckStoragePoolGoto(pool, error);
        if (pool->conn != conn) {
            virReportInvalidArg(pool,
                                "storage pool '%s' in %s must match connection",
                                pool->name, __func__);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckNonNegativeArgGoto(eventID, error);

    if (eventID >= VIR_STORAGE_POOL_EVENT_ID_LAST) {
        virReportInvalidArg(eventID, "eventID in %s must be less than %d",
                            __func__, VIR_STORAGE_POOL_EVENT_ID_LAST);
        goto error;
    }

    if (conn->storageDriver &&
        conn->storageDriver->connectStoragePoolEventRegisterAny) {
        int ret;

        ret = conn->storageDriver->connectStoragePoolEventRegisterAny(conn, pool,
                                                                      eventID,
                                                                      cb, opaque,
                                                                      freecb);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
