/*
 * libvirt-secret.c: the hand-written public entry points for secrets.
 *
 * The rest is generated from src/api/libvirt-secret.api.  Written here:
 * the usage accessors that read the object itself, the value fetch (whose
 * read-only check comes before its argument check), UUID string parsing
 * and event registration, which checks the secret against the connection.
 */
/* The event-ID range checks need the public enums' _LAST sentinels. */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

VIR_LOG_INIT("libvirt.secret");

const char *
virSecretGetUsageID(virSecretPtr secret)
{
    VIR_DEBUG("secret=%p", (void *)secret);

    virResetLastError();

    virCheckSecretReturn(secret, NULL);

    return secret->usageID;
}

int
virSecretGetUsageType(virSecretPtr secret)
{
    VIR_DEBUG("secret=%p", (void *)secret);

    virResetLastError();

    virCheckSecretReturn(secret, -1);

    return secret->usageType;
}

unsigned char *
virSecretGetValue(virSecretPtr secret, size_t *value_size, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("secret=%p, value_size=%p, flags=0x%x", (void *)secret,
              (void *)value_size, flags);

    virResetLastError();

    virCheckSecretReturn(secret, NULL);
    conn = secret->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(value_size, error);

    if (conn->secretDriver && conn->secretDriver->secretGetValue) {
        unsigned char *ret;

        ret = conn->secretDriver->secretGetValue(secret, value_size, flags);
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
virConnectSecretEventRegisterAny(virConnectPtr conn, virSecretPtr secret,
                                 int eventID,
                                 virConnectSecretEventGenericCallback cb,
                                 void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, secret=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              (void *)conn, (void *)secret, eventID, (void *)cb, opaque,
              (void *)freecb);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (secret) {
        virCheckSecretGoto(secret, error);
        if (secret->conn != conn) {
            char uuidstr[VIR_UUID_STRING_BUFLEN];

            virUUIDFormat(secret->uuid, uuidstr);
            virReportInvalidArg(secret,
                                "secret '%s' in %s must match connection",
                                uuidstr, __func__);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckNonNegativeArgGoto(eventID, error);

    if (eventID >= VIR_SECRET_EVENT_ID_LAST) {
        virReportInvalidArg(eventID, "eventID in %s must be less than %d",
                            __func__, VIR_SECRET_EVENT_ID_LAST);
        goto error;
    }

    if (conn->secretDriver && conn->secretDriver->connectSecretEventRegisterAny) {
        int ret;

        ret = conn->secretDriver->connectSecretEventRegisterAny(conn, secret,
                                                                eventID, cb,
                                                                opaque, freecb);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
