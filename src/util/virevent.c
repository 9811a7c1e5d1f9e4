/*
 * virevent.c: the pluggable event loop and its default implementation.
 *
 * Six function pointers form the backend table; applications may install
 * their own (virEventRegisterImpl) before the library needs one.  The
 * default backend maps each handle and timeout onto a GSource in GLib's
 * default main context, which gives cross-thread wakeups for free:
 * attaching or destroying a source wakes a thread sleeping in
 * virEventRunDefaultImpl().
 *
 * A removed watch or timer keeps its record, marked removed, until an idle
 * callback in the loop runs its free function and forgets it: the free
 * function then never runs under our lock nor inside the callback that
 * asked for the removal, and ids are not reused.
 */
#include <glib-unix.h>

#include "virevent.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

VIR_LOG_INIT("util.event");

static virEventAddHandleFunc addHandleImpl;
static virEventUpdateHandleFunc updateHandleImpl;
static virEventRemoveHandleFunc removeHandleImpl;
static virEventAddTimeoutFunc addTimeoutImpl;
static virEventUpdateTimeoutFunc updateTimeoutImpl;
static virEventRemoveTimeoutFunc removeTimeoutImpl;

int
virEventAddHandle(int fd, int events, virEventHandleCallback cb,
                  void *opaque, virFreeCallback ff)
{
    if (!addHandleImpl)
        return -1;
    return addHandleImpl(fd, events, cb, opaque, ff);
}

void
virEventUpdateHandle(int watch, int events)
{
    if (updateHandleImpl)
        updateHandleImpl(watch, events);
}

int
virEventRemoveHandle(int watch)
{
    if (!removeHandleImpl)
        return -1;
    return removeHandleImpl(watch);
}

int
virEventAddTimeout(int timeout, virEventTimeoutCallback cb, void *opaque,
                   virFreeCallback ff)
{
    if (!addTimeoutImpl)
        return -1;
    return addTimeoutImpl(timeout, cb, opaque, ff);
}

void
virEventUpdateTimeout(int timer, int timeout)
{
    if (updateTimeoutImpl)
        updateTimeoutImpl(timer, timeout);
}

int
virEventRemoveTimeout(int timer)
{
    if (!removeTimeoutImpl)
        return -1;
    return removeTimeoutImpl(timer);
}

void
virEventRegisterImpl(virEventAddHandleFunc addHandle,
                     virEventUpdateHandleFunc updateHandle,
                     virEventRemoveHandleFunc removeHandle,
                     virEventAddTimeoutFunc addTimeout,
                     virEventUpdateTimeoutFunc updateTimeout,
                     virEventRemoveTimeoutFunc removeTimeout)
{
    VIR_DEBUG("addHandle=%p updateHandle=%p removeHandle=%p "
              "addTimeout=%p updateTimeout=%p removeTimeout=%p",
              addHandle, updateHandle, removeHandle,
              addTimeout, updateTimeout, removeTimeout);

    /* Callbacks already registered with the first implementation would be
     * lost by a switch, so the first registration wins. */
    if (addHandleImpl || updateHandleImpl || removeHandleImpl ||
        addTimeoutImpl || updateTimeoutImpl || removeTimeoutImpl) {
        VIR_WARN("Ignoring attempt to replace registered event loop");
        return;
    }
    addHandleImpl = addHandle;
    updateHandleImpl = updateHandle;
    removeHandleImpl = removeHandle;
    addTimeoutImpl = addTimeout;
    updateTimeoutImpl = updateTimeout;
    removeTimeoutImpl = removeTimeout;
}

int
virEventRequireImpl(void)
{
    if (!addHandleImpl || !addTimeoutImpl) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "An event loop implementation must be registered");
        return -1;
    }
    return 0;
}


/* The default implementation. */

typedef struct {
    int watch;
    int fd;
    int events;
    virEventHandleCallback cb;
    void *opaque;
    virFreeCallback ff;
    GSource *source;
    bool removed;
} virEventGLibHandle;

typedef struct {
    int timer;
    int interval;
    virEventTimeoutCallback cb;
    void *opaque;
    virFreeCallback ff;
    GSource *source;
    bool removed;
} virEventGLibTimeout;

static GMutex eventLock;
static int nextWatch = 1;
static int nextTimer = 1;
static GPtrArray *handles;
static GPtrArray *timeouts;

static GIOCondition
virEventGLibEventsToCondition(int events)
{
    GIOCondition cond = 0;

    if (events & VIR_EVENT_HANDLE_READABLE)
        cond |= G_IO_IN;
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        cond |= G_IO_OUT;
    if (events & VIR_EVENT_HANDLE_ERROR)
        cond |= G_IO_ERR;
    if (events & VIR_EVENT_HANDLE_HANGUP)
        cond |= G_IO_HUP;
    return cond;
}

static int
virEventGLibConditionToEvents(GIOCondition cond)
{
    int events = 0;

    if (cond & G_IO_IN)
        events |= VIR_EVENT_HANDLE_READABLE;
    if (cond & G_IO_OUT)
        events |= VIR_EVENT_HANDLE_WRITABLE;
    /* The API has no separate "invalid fd" event. */
    if (cond & (G_IO_ERR | G_IO_NVAL))
        events |= VIR_EVENT_HANDLE_ERROR;
    if (cond & G_IO_HUP)
        events |= VIR_EVENT_HANDLE_HANGUP;
    return events;
}

static void
virEventGLibSourceDrop(GSource **source)
{
    if (*source) {
        g_source_destroy(*source);
        g_source_unref(*source);
        *source = NULL;
    }
}

static gboolean
virEventGLibHandleDispatch(int fd, GIOCondition cond, gpointer opaque)
{
    virEventGLibHandle *h = opaque;
    int events = virEventGLibConditionToEvents(cond);

    VIR_DEBUG("Dispatch handle watch=%d fd=%d events=%d opaque=%p",
              h->watch, fd, events, h->opaque);
    h->cb(h->watch, fd, events, h->opaque);
    return G_SOURCE_CONTINUE;
}

static GSource *
virEventGLibHandleSourceNew(virEventGLibHandle *h)
{
    /* Poll reports errors and hangups even when not asked for them. */
    GSource *source = g_unix_fd_source_new(
        h->fd, virEventGLibEventsToCondition(h->events) | G_IO_ERR | G_IO_HUP);

    g_source_set_callback(source, (GSourceFunc)(void (*)(void))virEventGLibHandleDispatch,
                          h, NULL);
    g_source_attach(source, NULL);
    return source;
}

static int
virEventGLibHandleAdd(int fd, int events, virEventHandleCallback cb,
                      void *opaque, virFreeCallback ff)
{
    virEventGLibHandle *h = g_new0(virEventGLibHandle, 1);
    int watch;

    g_mutex_lock(&eventLock);
    h->watch = watch = nextWatch++;
    h->fd = fd;
    h->events = events;
    h->cb = cb;
    h->opaque = opaque;
    h->ff = ff;
    if (events != 0)
        h->source = virEventGLibHandleSourceNew(h);
    g_ptr_array_add(handles, h);
    g_mutex_unlock(&eventLock);

    VIR_DEBUG("Add handle watch=%d fd=%d events=%d cb=%p opaque=%p ff=%p",
              watch, fd, events, cb, opaque, ff);
    return watch;
}

static virEventGLibHandle *
virEventGLibHandleFind(int watch)
{
    guint i;

    for (i = 0; i < handles->len; i++) {
        virEventGLibHandle *h = g_ptr_array_index(handles, i);

        if (h->watch == watch && !h->removed)
            return h;
    }
    return NULL;
}

static void
virEventGLibHandleUpdate(int watch, int events)
{
    virEventGLibHandle *h;

    g_mutex_lock(&eventLock);
    if (!(h = virEventGLibHandleFind(watch))) {
        VIR_DEBUG("Update for missing handle watch=%d", watch);
        goto cleanup;
    }
    VIR_DEBUG("Update handle watch=%d fd=%d events=%d", watch, h->fd, events);
    if (events == h->events && (h->source != NULL) == (events != 0))
        goto cleanup;
    virEventGLibSourceDrop(&h->source);
    h->events = events;
    if (events != 0)
        h->source = virEventGLibHandleSourceNew(h);
 cleanup:
    g_mutex_unlock(&eventLock);
}

static gboolean
virEventGLibHandleRemoveIdle(gpointer opaque)
{
    virEventGLibHandle *h = opaque;

    if (h->ff)
        h->ff(h->opaque);
    g_mutex_lock(&eventLock);
    g_ptr_array_remove_fast(handles, h);
    g_mutex_unlock(&eventLock);
    return G_SOURCE_REMOVE;
}

static int
virEventGLibHandleRemove(int watch)
{
    virEventGLibHandle *h;
    int ret = -1;

    g_mutex_lock(&eventLock);
    if (!(h = virEventGLibHandleFind(watch))) {
        VIR_DEBUG("Remove of missing handle watch=%d", watch);
        goto cleanup;
    }
    VIR_DEBUG("Remove handle watch=%d fd=%d", watch, h->fd);
    virEventGLibSourceDrop(&h->source);
    h->removed = true;
    g_idle_add_full(G_PRIORITY_HIGH, virEventGLibHandleRemoveIdle, h, NULL);
    ret = 0;
 cleanup:
    g_mutex_unlock(&eventLock);
    return ret;
}

static gboolean
virEventGLibTimeoutDispatch(gpointer opaque)
{
    virEventGLibTimeout *t = opaque;

    VIR_DEBUG("Dispatch timeout timer=%d opaque=%p", t->timer, t->opaque);
    t->cb(t->timer, t->opaque);
    return G_SOURCE_CONTINUE;
}

static GSource *
virEventGLibTimeoutSourceNew(virEventGLibTimeout *t)
{
    GSource *source = g_timeout_source_new(t->interval);

    g_source_set_callback(source, virEventGLibTimeoutDispatch, t, NULL);
    g_source_attach(source, NULL);
    return source;
}

static int
virEventGLibTimeoutAdd(int interval, virEventTimeoutCallback cb,
                       void *opaque, virFreeCallback ff)
{
    virEventGLibTimeout *t = g_new0(virEventGLibTimeout, 1);
    int timer;

    g_mutex_lock(&eventLock);
    t->timer = timer = nextTimer++;
    t->interval = interval;
    t->cb = cb;
    t->opaque = opaque;
    t->ff = ff;
    if (interval >= 0)
        t->source = virEventGLibTimeoutSourceNew(t);
    g_ptr_array_add(timeouts, t);
    g_mutex_unlock(&eventLock);

    VIR_DEBUG("Add timeout timer=%d interval=%d cb=%p opaque=%p ff=%p",
              timer, interval, cb, opaque, ff);
    return timer;
}

static virEventGLibTimeout *
virEventGLibTimeoutFind(int timer)
{
    guint i;

    for (i = 0; i < timeouts->len; i++) {
        virEventGLibTimeout *t = g_ptr_array_index(timeouts, i);

        if (t->timer == timer && !t->removed)
            return t;
    }
    return NULL;
}

static void
virEventGLibTimeoutUpdate(int timer, int interval)
{
    virEventGLibTimeout *t;

    g_mutex_lock(&eventLock);
    if (!(t = virEventGLibTimeoutFind(timer))) {
        VIR_DEBUG("Update of missing timeout timer=%d", timer);
        goto cleanup;
    }
    VIR_DEBUG("Update timeout timer=%d interval=%d", timer, interval);
    /* A new interval restarts the countdown from now. */
    virEventGLibSourceDrop(&t->source);
    if (interval >= 0) {
        t->interval = interval;
        t->source = virEventGLibTimeoutSourceNew(t);
    }
 cleanup:
    g_mutex_unlock(&eventLock);
}

static gboolean
virEventGLibTimeoutRemoveIdle(gpointer opaque)
{
    virEventGLibTimeout *t = opaque;

    if (t->ff)
        t->ff(t->opaque);
    g_mutex_lock(&eventLock);
    g_ptr_array_remove_fast(timeouts, t);
    g_mutex_unlock(&eventLock);
    return G_SOURCE_REMOVE;
}

static int
virEventGLibTimeoutRemove(int timer)
{
    virEventGLibTimeout *t;
    int ret = -1;

    g_mutex_lock(&eventLock);
    if (!(t = virEventGLibTimeoutFind(timer))) {
        VIR_DEBUG("Remove of missing timeout timer=%d", timer);
        goto cleanup;
    }
    VIR_DEBUG("Remove timeout timer=%d", timer);
    virEventGLibSourceDrop(&t->source);
    t->removed = true;
    g_idle_add(virEventGLibTimeoutRemoveIdle, t);
    ret = 0;
 cleanup:
    g_mutex_unlock(&eventLock);
    return ret;
}

static gpointer
virEventGLibRegisterOnce(gpointer data G_GNUC_UNUSED)
{
    handles = g_ptr_array_new_with_free_func(g_free);
    timeouts = g_ptr_array_new_with_free_func(g_free);
    virEventRegisterImpl(virEventGLibHandleAdd, virEventGLibHandleUpdate,
                         virEventGLibHandleRemove, virEventGLibTimeoutAdd,
                         virEventGLibTimeoutUpdate, virEventGLibTimeoutRemove);
    return NULL;
}

void
virEventGLibRegister(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, virEventGLibRegisterOnce, NULL);
}

int
virEventGLibRunOnce(void)
{
    g_main_context_iteration(NULL, TRUE);
    return 0;
}
