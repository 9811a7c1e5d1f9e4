/*
 * object_event_types.h: the events of each object kind, with their
 * payloads and the dispatchers that call the matching typed callbacks.
 *
 * virDomainEventNew makes a domain event whose payload the caller fills
 * as the table in object_event_types.c documents per event id; the
 * helpers below cover the common ones.
 */
#pragma once

#include "object_event.h"

virObjectEvent *virDomainEventNew(int eventID, const char *name,
                                  const unsigned char *uuid, int id);
virObjectEvent *virDomainEventLifecycleNew(const char *name,
                                           const unsigned char *uuid,
                                           int id, int type, int detail);
/* Events with one string (device alias, disk), like DEVICE_ADDED. */
virObjectEvent *virDomainEventStringNew(int eventID, const char *name,
                                        const unsigned char *uuid, int id,
                                        const char *str);
virObjectEvent *virDomainEventBlockJobNew(int eventID, const char *name,
                                          const unsigned char *uuid, int id,
                                          const char *disk, int type,
                                          int status);
virObjectEvent *virDomainEventMetadataChangeNew(const char *name,
                                                const unsigned char *uuid,
                                                int id, int type,
                                                const char *nsuri);
/* Takes params. */
virObjectEvent *virDomainEventTunableNew(const char *name,
                                         const unsigned char *uuid, int id,
                                         virTypedParameterPtr params,
                                         int nparams);

virObjectEvent *virNetworkEventLifecycleNew(const char *name,
                                            const unsigned char *uuid,
                                            int type, int detail);
virObjectEvent *virStoragePoolEventLifecycleNew(const char *name,
                                                const unsigned char *uuid,
                                                int type, int detail);
virObjectEvent *virStoragePoolEventRefreshNew(const char *name,
                                              const unsigned char *uuid);
virObjectEvent *virNodeDeviceEventLifecycleNew(const char *name, int type,
                                               int detail);
virObjectEvent *virNodeDeviceEventUpdateNew(const char *name);
virObjectEvent *virSecretEventLifecycleNew(const unsigned char *uuid,
                                           int usageType,
                                           const char *usageID, int type,
                                           int detail);
virObjectEvent *virSecretEventValueChangedNew(const unsigned char *uuid,
                                              int usageType,
                                              const char *usageID);
