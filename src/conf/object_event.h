/*
 * object_event.h: queuing events about objects and delivering them to the
 * callbacks applications register.
 *
 * A driver owns one virObjectEventState.  Callbacks are registered per
 * connection, for one object kind and event id, optionally for a single
 * object (by UUID, or by name for node devices).  Drivers queue events as
 * things change; a timer on the application's registered event loop
 * delivers them later, outside the driver's locks, in the order queued.
 * Each event carries its own dispatcher, which knows the typed callback of
 * its event id (object_event_types.c).
 *
 * This file is part of the core library (it builds public objects for the
 * callbacks), not of the driver-independent conf library.
 */
#pragma once

#include "internal.h"

typedef enum {
    VIR_EVENT_KIND_DOMAIN = 0,
    VIR_EVENT_KIND_NETWORK,
    VIR_EVENT_KIND_STORAGE_POOL,
    VIR_EVENT_KIND_NODE_DEVICE,
    VIR_EVENT_KIND_SECRET,
    VIR_EVENT_KIND_LAST
} virEventKind;

typedef struct _virObjectEvent virObjectEvent;
typedef struct _virObjectEventState virObjectEventState;

/* Calls cb, the typed callback of ev's event id, for conn. */
typedef void (*virObjectEventDispatchFunc)(virConnectPtr conn,
                                           virObjectEvent *ev,
                                           void (*cb)(void),
                                           void *opaque);

struct _virObjectEvent {
    virEventKind kind;
    int eventID;
    /* The object the event is about. */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;            /* domain id, -1 if none */
    int usageType;     /* secrets */
    char *usageID;     /* secrets */
    /* The payload; each event id documents which fields it uses. */
    int int1;
    int int2;
    int int3;
    long long ll1;
    unsigned long long ull1;
    char *str1;
    char *str2;
    char *str3;
    virTypedParameterPtr params;
    int nparams;
    void *data;                 /* anything else */
    GDestroyNotify dataFree;
    virObjectEventDispatchFunc dispatch;
};

virObjectEvent *virObjectEventNew(virEventKind kind, int eventID,
                                  const char *name,
                                  const unsigned char *uuid, int id,
                                  virObjectEventDispatchFunc dispatch);
void virObjectEventFree(virObjectEvent *ev);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virObjectEvent, virObjectEventFree);

virObjectEventState *virObjectEventStateNew(void);
void virObjectEventStateFree(virObjectEventState *state);

/* Registers cb for events of kind/eventID on conn; uuid (or, for node
 * devices, name) restricts it to one object when non-NULL.  legacy marks
 * the old virConnectDomainEventRegister style, deregistered by function.
 * Returns the callback id, or -1 with an error: the same callback twice,
 * or no event loop registered. */
int virObjectEventStateRegisterID(virObjectEventState *state,
                                  virConnectPtr conn, virEventKind kind,
                                  int eventID, const unsigned char *uuid,
                                  const char *name, void (*cb)(void),
                                  void *opaque, virFreeCallback freecb,
                                  bool legacy);
/* Removes a callback by id (on conn), reporting upstream's error when it
 * is unknown.  Returns the number of callbacks left for that event id. */
int virObjectEventStateDeregisterID(virObjectEventState *state,
                                    virConnectPtr conn, int callbackID);
/* Removes a legacy callback by its function. */
int virObjectEventStateDeregisterLegacy(virObjectEventState *state,
                                        virConnectPtr conn,
                                        void (*cb)(void));
/* Drops every callback of conn (its connection is closing). */
void virObjectEventStateDeregisterConnection(virObjectEventState *state,
                                             virConnectPtr conn);
/* The event id a callback was registered for, or -1. */
int virObjectEventStateEventID(virObjectEventState *state,
                               virConnectPtr conn, int callbackID);

/* Takes ev (NULL is ignored) and schedules its delivery. */
void virObjectEventStateQueue(virObjectEventState *state,
                              virObjectEvent *ev);
/* Delivers everything queued now, on the calling thread (tests). */
void virObjectEventStateFlush(virObjectEventState *state);
