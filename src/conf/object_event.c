/*
 * object_event.c: the callback registry and the event queue.
 *
 * Delivery runs on the event loop's timer: the queue is swapped out under
 * the lock, then each event is offered to each matching callback with the
 * lock released, so a callback may call back into the library (even
 * deregister itself) without deadlock.  Callbacks removed during a
 * delivery are marked deleted and freed once it ends.
 */
#include "object_event.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("conf.object_event");

typedef struct {
    int callbackID;
    virConnectPtr conn;
    virEventKind kind;
    int eventID;
    bool hasUUID;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *name;
    void (*cb)(void);
    void *opaque;
    virFreeCallback freecb;
    bool legacy;
    bool deleted;
} virObjectEventCallback;

struct _virObjectEventState {
    GMutex lock;
    GPtrArray *callbacks; /* of virObjectEventCallback */
    GQueue *queue;        /* of virObjectEvent */
    int nextID;
    int timer;            /* -1 until the first registration */
    bool dispatching;
};

virObjectEvent *
virObjectEventNew(virEventKind kind, int eventID, const char *name,
                  const unsigned char *uuid, int id,
                  virObjectEventDispatchFunc dispatch)
{
    virObjectEvent *ev = g_new0(virObjectEvent, 1);

    ev->kind = kind;
    ev->eventID = eventID;
    ev->name = g_strdup(name);
    if (uuid)
        memcpy(ev->uuid, uuid, VIR_UUID_BUFLEN);
    ev->id = id;
    ev->dispatch = dispatch;
    return ev;
}

void
virObjectEventFree(virObjectEvent *ev)
{
    if (!ev)
        return;
    g_free(ev->name);
    g_free(ev->usageID);
    g_free(ev->str1);
    g_free(ev->str2);
    g_free(ev->str3);
    virTypedParamsFree(ev->params, ev->nparams);
    if (ev->dataFree)
        ev->dataFree(ev->data);
    g_free(ev);
}

static void
virObjectEventCallbackFree(gpointer data)
{
    virObjectEventCallback *cb = data;

    if (cb->freecb)
        cb->freecb(cb->opaque);
    virObjectUnref(cb->conn);
    g_free(cb->name);
    g_free(cb);
}

virObjectEventState *
virObjectEventStateNew(void)
{
    virObjectEventState *state = g_new0(virObjectEventState, 1);

    g_mutex_init(&state->lock);
    state->callbacks = g_ptr_array_new_with_free_func(
        virObjectEventCallbackFree);
    state->queue = g_queue_new();
    state->nextID = 0; /* upstream's first callback id is 0 */
    state->timer = -1;
    return state;
}

void
virObjectEventStateFree(virObjectEventState *state)
{
    if (!state)
        return;
    if (state->timer != -1)
        virEventRemoveTimeout(state->timer);
    g_queue_free_full(state->queue, (GDestroyNotify)virObjectEventFree);
    g_ptr_array_unref(state->callbacks);
    g_mutex_clear(&state->lock);
    g_free(state);
}

static void virObjectEventTimer(int timer, void *opaque);

int
virObjectEventStateRegisterID(virObjectEventState *state, virConnectPtr conn,
                              virEventKind kind, int eventID,
                              const unsigned char *uuid, const char *name,
                              void (*cb)(void), void *opaque,
                              virFreeCallback freecb, bool legacy)
{
    virObjectEventCallback *entry;
    size_t i;
    int ret;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *c = state->callbacks->pdata[i];

        if (c->deleted || c->conn != conn || c->cb != cb ||
            c->kind != kind || c->eventID != eventID ||
            c->legacy != legacy)
            continue;
        if ((uuid != NULL) != c->hasUUID ||
            (uuid && memcmp(c->uuid, uuid, VIR_UUID_BUFLEN) != 0) ||
            g_strcmp0(c->name, name) != 0)
            continue;
        g_mutex_unlock(&state->lock);
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "event callback already tracked");
        return -1;
    }
    if (state->timer == -1 &&
        (state->timer = virEventAddTimeout(-1, virObjectEventTimer, state,
                                           NULL)) < 0) {
        state->timer = -1;
        g_mutex_unlock(&state->lock);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "could not initialize domain event timer");
        return -1;
    }
    entry = g_new0(virObjectEventCallback, 1);
    entry->callbackID = state->nextID++;
    entry->conn = virObjectRef(conn);
    entry->kind = kind;
    entry->eventID = eventID;
    if (uuid) {
        entry->hasUUID = true;
        memcpy(entry->uuid, uuid, VIR_UUID_BUFLEN);
    }
    entry->name = g_strdup(name);
    entry->cb = cb;
    entry->opaque = opaque;
    entry->freecb = freecb;
    entry->legacy = legacy;
    g_ptr_array_add(state->callbacks, entry);
    ret = entry->callbackID;
    g_mutex_unlock(&state->lock);
    return ret;
}

/* Called with the lock held: marks one entry deleted (freed by the
 * running delivery) or takes it out of the array into *removed, for the
 * caller to free once unlocked (its free callback may call the library).
 * Returns the number of live callbacks left for its kind and event id. */
static int
virObjectEventStateRemoveLocked(virObjectEventState *state, size_t idx,
                                GPtrArray *removed)
{
    virObjectEventCallback *c = state->callbacks->pdata[idx];
    virEventKind kind = c->kind;
    int eventID = c->eventID;
    int left = 0;
    size_t i;

    if (state->dispatching)
        c->deleted = true;
    else
        g_ptr_array_add(removed,
                        g_ptr_array_steal_index(state->callbacks, idx));
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *o = state->callbacks->pdata[i];

        if (!o->deleted && o->kind == kind && o->eventID == eventID)
            left++;
    }
    return left;
}

int
virObjectEventStateDeregisterID(virObjectEventState *state,
                                virConnectPtr conn, int callbackID)
{
    g_autoptr(GPtrArray) removed =
        g_ptr_array_new_with_free_func(virObjectEventCallbackFree);
    size_t i;
    int left;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *c = state->callbacks->pdata[i];

        if (c->deleted || c->conn != conn || c->callbackID != callbackID ||
            c->legacy)
            continue;
        left = virObjectEventStateRemoveLocked(state, i, removed);
        g_mutex_unlock(&state->lock);
        return left;
    }
    g_mutex_unlock(&state->lock);
    virReportError(VIR_ERR_INVALID_ARG,
                   "could not find event callback %d for deletion",
                   callbackID);
    return -1;
}

int
virObjectEventStateDeregisterLegacy(virObjectEventState *state,
                                    virConnectPtr conn, void (*cb)(void))
{
    g_autoptr(GPtrArray) removed =
        g_ptr_array_new_with_free_func(virObjectEventCallbackFree);
    size_t i;
    int left;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *c = state->callbacks->pdata[i];

        if (c->deleted || c->conn != conn || c->cb != cb || !c->legacy)
            continue;
        left = virObjectEventStateRemoveLocked(state, i, removed);
        g_mutex_unlock(&state->lock);
        return left;
    }
    g_mutex_unlock(&state->lock);
    virReportError(VIR_ERR_INVALID_ARG,
                   "event callback function %p not registered",
                   (void *)(uintptr_t)cb);
    return -1;
}

void
virObjectEventStateDeregisterConnection(virObjectEventState *state,
                                        virConnectPtr conn)
{
    g_autoptr(GPtrArray) removed =
        g_ptr_array_new_with_free_func(virObjectEventCallbackFree);
    size_t i;

    g_mutex_lock(&state->lock);
    for (i = state->callbacks->len; i > 0; i--) {
        virObjectEventCallback *c = state->callbacks->pdata[i - 1];

        if (c->conn == conn && !c->deleted)
            virObjectEventStateRemoveLocked(state, i - 1, removed);
    }
    g_mutex_unlock(&state->lock);
}

int
virObjectEventStateEventID(virObjectEventState *state, virConnectPtr conn,
                           int callbackID)
{
    int ret = -1;
    size_t i;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *c = state->callbacks->pdata[i];

        if (!c->deleted && c->conn == conn && c->callbackID == callbackID)
            ret = c->eventID;
    }
    g_mutex_unlock(&state->lock);
    return ret;
}

void
virObjectEventStateQueue(virObjectEventState *state, virObjectEvent *ev)
{
    if (!ev)
        return;
    g_mutex_lock(&state->lock);
    /* Without a callback nobody can receive it. */
    if (state->timer == -1) {
        g_mutex_unlock(&state->lock);
        virObjectEventFree(ev);
        return;
    }
    g_queue_push_tail(state->queue, ev);
    virEventUpdateTimeout(state->timer, 0);
    g_mutex_unlock(&state->lock);
}

static bool
virObjectEventCallbackMatches(const virObjectEventCallback *c,
                              const virObjectEvent *ev)
{
    if (c->deleted || c->kind != ev->kind || c->eventID != ev->eventID)
        return false;
    if (c->hasUUID && memcmp(c->uuid, ev->uuid, VIR_UUID_BUFLEN) != 0)
        return false;
    if (c->name && g_strcmp0(c->name, ev->name) != 0)
        return false;
    return true;
}

void
virObjectEventStateFlush(virObjectEventState *state)
{
    g_autoptr(GPtrArray) removed =
        g_ptr_array_new_with_free_func(virObjectEventCallbackFree);
    GQueue *pending;
    virObjectEvent *ev;
    size_t i;

    g_mutex_lock(&state->lock);
    if (state->dispatching) {
        /* A callback queued more: the running flush picks it up. */
        g_mutex_unlock(&state->lock);
        return;
    }
    state->dispatching = true;
    if (state->timer != -1)
        virEventUpdateTimeout(state->timer, -1);
    while (!g_queue_is_empty(state->queue)) {
        pending = state->queue;
        state->queue = g_queue_new();
        while ((ev = g_queue_pop_head(pending))) {
            for (i = 0; i < state->callbacks->len; i++) {
                virObjectEventCallback *c = state->callbacks->pdata[i];
                virConnectPtr conn;

                if (!virObjectEventCallbackMatches(c, ev))
                    continue;
                conn = virObjectRef(c->conn);
                g_mutex_unlock(&state->lock);
                ev->dispatch(conn, ev, c->cb, c->opaque);
                virObjectUnref(conn);
                g_mutex_lock(&state->lock);
            }
            virObjectEventFree(ev);
        }
        g_queue_free(pending);
    }
    /* Free, once unlocked, what was deregistered while we delivered. */
    for (i = state->callbacks->len; i > 0; i--) {
        virObjectEventCallback *c = state->callbacks->pdata[i - 1];

        if (c->deleted)
            g_ptr_array_add(removed,
                            g_ptr_array_steal_index(state->callbacks, i - 1));
    }
    state->dispatching = false;
    g_mutex_unlock(&state->lock);
}

static void
virObjectEventTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virObjectEventStateFlush(opaque);
}
