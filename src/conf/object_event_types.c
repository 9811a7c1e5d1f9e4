/*
 * object_event_types.c: constructors and dispatchers of the events of
 * domains, networks, storage pools, node devices and secrets.
 *
 * Domain payloads by event id (fields of virObjectEvent):
 *   LIFECYCLE int1 event, int2 detail          REBOOT, CONTROL_ERROR none
 *   RTC_CHANGE ll1 offset                       WATCHDOG int1 action
 *   IO_ERROR(_REASON) str1 path, str2 alias, int1 action, str3 reason
 *   GRAPHICS data (virDomainEventGraphicsData), int1 phase
 *   BLOCK_JOB(_2) str1 disk, int1 type, int2 status
 *   DISK_CHANGE str1 old, str2 new, str3 alias, int1 reason
 *   TRAY_CHANGE str1 alias, int1 reason          PM* int1 reason
 *   BALLOON_CHANGE ull1 actual
 *   DEVICE_ADDED/REMOVED/REMOVAL_FAILED str1 alias
 *   TUNABLE, JOB_COMPLETED params/nparams
 *   AGENT_LIFECYCLE int1 state, int2 reason     MIGRATION_ITERATION int1
 *   METADATA_CHANGE int1 type, str1 nsuri
 *   BLOCK_THRESHOLD str1 dev, str2 path, ull1 threshold, ll1 excess
 *   MEMORY_FAILURE int1 recipient, int2 action, int3 flags
 *   MEMORY_DEVICE_SIZE_CHANGE str1 alias, ull1 size
 */
#include "object_event_types.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* The graphics event's addresses and subject, kept in ev->data. */
typedef struct {
    virDomainEventGraphicsAddress local;
    virDomainEventGraphicsAddress remote;
    char *authScheme;
    virDomainEventGraphicsSubject subject;
} virDomainEventGraphicsData;

static void
virDomainEventDispatch(virConnectPtr conn, virObjectEvent *ev,
                       void (*cb)(void), void *opaque)
{
    virDomainPtr dom = virGetDomain(conn, ev->name, ev->uuid, ev->id);

    if (!dom)
        return;
    switch ((virDomainEventID)ev->eventID) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
        ((virConnectDomainEventCallback)cb)(conn, dom, ev->int1, ev->int2,
                                            opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_REBOOT:
    case VIR_DOMAIN_EVENT_ID_CONTROL_ERROR:
        ((virConnectDomainEventGenericCallback)cb)(conn, dom, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        ((virConnectDomainEventRTCChangeCallback)cb)(conn, dom, ev->ll1,
                                                     opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
        ((virConnectDomainEventWatchdogCallback)cb)(conn, dom, ev->int1,
                                                    opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        ((virConnectDomainEventIOErrorCallback)cb)(conn, dom, ev->str1,
                                                   ev->str2, ev->int1,
                                                   opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON:
        ((virConnectDomainEventIOErrorReasonCallback)cb)(
            conn, dom, ev->str1, ev->str2, ev->int1, ev->str3, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_GRAPHICS: {
        virDomainEventGraphicsData *g = ev->data;

        ((virConnectDomainEventGraphicsCallback)cb)(
            conn, dom, ev->int1, &g->local, &g->remote, g->authScheme,
            &g->subject, opaque);
        break;
    }
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB:
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2:
        ((virConnectDomainEventBlockJobCallback)cb)(conn, dom, ev->str1,
                                                    ev->int1, ev->int2,
                                                    opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DISK_CHANGE:
        ((virConnectDomainEventDiskChangeCallback)cb)(
            conn, dom, ev->str1, ev->str2, ev->str3, ev->int1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TRAY_CHANGE:
        ((virConnectDomainEventTrayChangeCallback)cb)(conn, dom, ev->str1,
                                                      ev->int1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_PMWAKEUP:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK:
        ((virConnectDomainEventPMWakeupCallback)cb)(conn, dom, ev->int1,
                                                    opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE:
        ((virConnectDomainEventBalloonChangeCallback)cb)(conn, dom,
                                                         ev->ull1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_ADDED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED:
        ((virConnectDomainEventDeviceAddedCallback)cb)(conn, dom, ev->str1,
                                                       opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TUNABLE:
    case VIR_DOMAIN_EVENT_ID_JOB_COMPLETED:
        ((virConnectDomainEventTunableCallback)cb)(conn, dom, ev->params,
                                                   ev->nparams, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE:
        ((virConnectDomainEventAgentLifecycleCallback)cb)(
            conn, dom, ev->int1, ev->int2, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION:
        ((virConnectDomainEventMigrationIterationCallback)cb)(
            conn, dom, ev->int1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_METADATA_CHANGE:
        ((virConnectDomainEventMetadataChangeCallback)cb)(
            conn, dom, ev->int1, ev->str1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD:
        ((virConnectDomainEventBlockThresholdCallback)cb)(
            conn, dom, ev->str1, ev->str2, ev->ull1,
            (unsigned long long)ev->ll1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE:
        ((virConnectDomainEventMemoryFailureCallback)cb)(
            conn, dom, ev->int1, ev->int2, (unsigned int)ev->int3, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE:
        ((virConnectDomainEventMemoryDeviceSizeChangeCallback)cb)(
            conn, dom, ev->str1, ev->ull1, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_LAST:
        break;
    }
    virObjectUnref(dom);
}

virObjectEvent *
virDomainEventNew(int eventID, const char *name, const unsigned char *uuid,
                  int id)
{
    return virObjectEventNew(VIR_EVENT_KIND_DOMAIN, eventID, name, uuid, id,
                             virDomainEventDispatch);
}

virObjectEvent *
virDomainEventLifecycleNew(const char *name, const unsigned char *uuid,
                           int id, int type, int detail)
{
    virObjectEvent *ev = virDomainEventNew(VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           name, uuid, id);

    ev->int1 = type;
    ev->int2 = detail;
    return ev;
}

virObjectEvent *
virDomainEventStringNew(int eventID, const char *name,
                        const unsigned char *uuid, int id, const char *str)
{
    virObjectEvent *ev = virDomainEventNew(eventID, name, uuid, id);

    ev->str1 = g_strdup(str);
    return ev;
}

virObjectEvent *
virDomainEventBlockJobNew(int eventID, const char *name,
                          const unsigned char *uuid, int id,
                          const char *disk, int type, int status)
{
    virObjectEvent *ev = virDomainEventStringNew(eventID, name, uuid, id,
                                                 disk);

    ev->int1 = type;
    ev->int2 = status;
    return ev;
}

virObjectEvent *
virDomainEventMetadataChangeNew(const char *name, const unsigned char *uuid,
                                int id, int type, const char *nsuri)
{
    virObjectEvent *ev = virDomainEventStringNew(
        VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, name, uuid, id, nsuri);

    ev->int1 = type;
    return ev;
}

virObjectEvent *
virDomainEventTunableNew(const char *name, const unsigned char *uuid, int id,
                         virTypedParameterPtr params, int nparams)
{
    virObjectEvent *ev = virDomainEventNew(VIR_DOMAIN_EVENT_ID_TUNABLE, name,
                                           uuid, id);

    ev->params = params;
    ev->nparams = nparams;
    return ev;
}

static void
virNetworkEventDispatch(virConnectPtr conn, virObjectEvent *ev,
                        void (*cb)(void), void *opaque)
{
    virNetworkPtr net = virGetNetwork(conn, ev->name, ev->uuid);

    if (!net)
        return;
    if (ev->eventID == VIR_NETWORK_EVENT_ID_LIFECYCLE)
        ((virConnectNetworkEventLifecycleCallback)cb)(conn, net, ev->int1,
                                                      ev->int2, opaque);
    virObjectUnref(net);
}

virObjectEvent *
virNetworkEventLifecycleNew(const char *name, const unsigned char *uuid,
                            int type, int detail)
{
    virObjectEvent *ev = virObjectEventNew(VIR_EVENT_KIND_NETWORK,
                                           VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                           name, uuid, -1,
                                           virNetworkEventDispatch);

    ev->int1 = type;
    ev->int2 = detail;
    return ev;
}

static void
virStoragePoolEventDispatch(virConnectPtr conn, virObjectEvent *ev,
                            void (*cb)(void), void *opaque)
{
    virStoragePoolPtr pool = virGetStoragePool(conn, ev->name, ev->uuid,
                                               NULL, NULL);

    if (!pool)
        return;
    if (ev->eventID == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE)
        ((virConnectStoragePoolEventLifecycleCallback)cb)(
            conn, pool, ev->int1, ev->int2, opaque);
    else
        ((virConnectStoragePoolEventGenericCallback)cb)(conn, pool, opaque);
    virObjectUnref(pool);
}

virObjectEvent *
virStoragePoolEventLifecycleNew(const char *name, const unsigned char *uuid,
                                int type, int detail)
{
    virObjectEvent *ev = virObjectEventNew(
        VIR_EVENT_KIND_STORAGE_POOL, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
        name, uuid, -1, virStoragePoolEventDispatch);

    ev->int1 = type;
    ev->int2 = detail;
    return ev;
}

virObjectEvent *
virStoragePoolEventRefreshNew(const char *name, const unsigned char *uuid)
{
    return virObjectEventNew(VIR_EVENT_KIND_STORAGE_POOL,
                             VIR_STORAGE_POOL_EVENT_ID_REFRESH, name, uuid,
                             -1, virStoragePoolEventDispatch);
}

static void
virNodeDeviceEventDispatch(virConnectPtr conn, virObjectEvent *ev,
                           void (*cb)(void), void *opaque)
{
    virNodeDevicePtr dev = virGetNodeDevice(conn, ev->name);

    if (!dev)
        return;
    if (ev->eventID == VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE)
        ((virConnectNodeDeviceEventLifecycleCallback)cb)(
            conn, dev, ev->int1, ev->int2, opaque);
    else
        ((virConnectNodeDeviceEventGenericCallback)cb)(conn, dev, opaque);
    virObjectUnref(dev);
}

virObjectEvent *
virNodeDeviceEventLifecycleNew(const char *name, int type, int detail)
{
    virObjectEvent *ev = virObjectEventNew(
        VIR_EVENT_KIND_NODE_DEVICE, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, name,
        NULL, -1, virNodeDeviceEventDispatch);

    ev->int1 = type;
    ev->int2 = detail;
    return ev;
}

virObjectEvent *
virNodeDeviceEventUpdateNew(const char *name)
{
    return virObjectEventNew(VIR_EVENT_KIND_NODE_DEVICE,
                             VIR_NODE_DEVICE_EVENT_ID_UPDATE, name, NULL, -1,
                             virNodeDeviceEventDispatch);
}

static void
virSecretEventDispatch(virConnectPtr conn, virObjectEvent *ev,
                       void (*cb)(void), void *opaque)
{
    virSecretPtr secret = virGetSecret(conn, ev->uuid, ev->usageType,
                                       ev->usageID);

    if (!secret)
        return;
    if (ev->eventID == VIR_SECRET_EVENT_ID_LIFECYCLE)
        ((virConnectSecretEventLifecycleCallback)cb)(conn, secret, ev->int1,
                                                     ev->int2, opaque);
    else
        ((virConnectSecretEventGenericCallback)cb)(conn, secret, opaque);
    virObjectUnref(secret);
}

static virObjectEvent *
virSecretEventNew(int eventID, const unsigned char *uuid, int usageType,
                  const char *usageID)
{
    virObjectEvent *ev = virObjectEventNew(VIR_EVENT_KIND_SECRET, eventID,
                                           NULL, uuid, -1,
                                           virSecretEventDispatch);

    ev->usageType = usageType;
    ev->usageID = g_strdup(usageID);
    return ev;
}

virObjectEvent *
virSecretEventLifecycleNew(const unsigned char *uuid, int usageType,
                           const char *usageID, int type, int detail)
{
    virObjectEvent *ev = virSecretEventNew(VIR_SECRET_EVENT_ID_LIFECYCLE,
                                           uuid, usageType, usageID);

    ev->int1 = type;
    ev->int2 = detail;
    return ev;
}

virObjectEvent *
virSecretEventValueChangedNew(const unsigned char *uuid, int usageType,
                              const char *usageID)
{
    return virSecretEventNew(VIR_SECRET_EVENT_ID_VALUE_CHANGED, uuid,
                             usageType, usageID);
}
