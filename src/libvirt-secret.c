/*
 * libvirt-secret.c: the hand-written public entry point for secrets.
 *
 * Every other secret call is generated from src/api/libvirt-secret.api.
 * Written here: event registration, whose error for a secret of another
 * connection names the secret by its UUID string.
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
