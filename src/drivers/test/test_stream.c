/*
 * test_stream.c: the test driver's in-memory streams (see test_stream.h).
 *
 * Every stream keeps its state behind one mutex; a blocking reader of an
 * echo stream waits on a condition until something is sent or the stream
 * ends.  Event callbacks are driven by one timer of the application's
 * event loop per stream: it fires at once while the stream is ready for
 * what the callback asked, and the callback runs without any lock held,
 * so it may use the stream freely.
 */
#include "test_stream.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

/* While a callback waits for something that is not there yet, the timer
 * still looks every few milliseconds, in case a wake-up raced. */
#define TEST_STREAM_POLL_MS 20

typedef enum {
    TEST_STREAM_SOURCE,
    TEST_STREAM_SINK,
    TEST_STREAM_ECHO,
} testStreamMode;

typedef struct _testStreamData testStreamData;
struct _testStreamData {
    GMutex lock;
    GCond cond;
    testStreamMode mode;
    bool sparse;
    bool closed;        /* finished or aborted by the application */
    bool hungup;        /* ended by the driver */

    /* Source: the content and the read position within it.  Sink: what
     * was received so far (total bytes, holes included). */
    GArray *chunks;
    size_t pos;
    unsigned long long off;
    unsigned long long limit;
    unsigned long long total;
    testStreamCommitFunc commit;

    /* Echo: bytes sent and not read back yet. */
    GByteArray *echo;
    testStreamCloseFunc onClose;

    void *opaque;
    GDestroyNotify freeOpaque;

    /* The event callback, if any. */
    bool hasCallback;
    bool dispatching;
    int timer;
    int events;
    virStreamEventCallback cb;
    void *cbOpaque;
    virFreeCallback cbFree;
    /* The callback running when it was removed: freed when it returns. */
    bool pending;
    virFreeCallback pendingFree;
    void *pendingOpaque;
};

static void
testStreamChunkClear(void *opaque)
{
    testStreamChunk *chunk = opaque;

    g_clear_pointer(&chunk->data, g_free);
}

GArray *
testStreamChunksNew(void)
{
    GArray *chunks = g_array_new(FALSE, FALSE, sizeof(testStreamChunk));

    g_array_set_clear_func(chunks, testStreamChunkClear);
    return chunks;
}

void
testStreamChunksAddData(GArray *chunks, const char *data, size_t len)
{
    testStreamChunk *last = NULL;
    testStreamChunk chunk = { NULL, len };

    if (len == 0)
        return;
    if (chunks->len > 0)
        last = &g_array_index(chunks, testStreamChunk, chunks->len - 1);
    /* Consecutive writes make one piece, so many small sends stay cheap
     * to read back. */
    if (last && last->data) {
        last->data = g_realloc(last->data, last->len + len);
        memcpy(last->data + last->len, data, len);
        last->len += len;
        return;
    }
    chunk.data = g_memdup2(data, len);
    g_array_append_val(chunks, chunk);
}

void
testStreamChunksAddHole(GArray *chunks, unsigned long long len)
{
    testStreamChunk chunk = { NULL, len };

    if (len == 0)
        return;
    if (chunks->len > 0) {
        testStreamChunk *last = &g_array_index(chunks, testStreamChunk,
                                               chunks->len - 1);

        if (!last->data) {
            last->len += len;
            return;
        }
    }
    g_array_append_val(chunks, chunk);
}

static void
testStreamDataFree(void *opaque)
{
    testStreamData *s = opaque;

    if (!s)
        return;
    if (s->freeOpaque)
        s->freeOpaque(s->opaque);
    if (s->chunks)
        g_array_unref(s->chunks);
    if (s->echo)
        g_byte_array_unref(s->echo);
    g_cond_clear(&s->cond);
    g_mutex_clear(&s->lock);
    g_free(s);
}

/* What a reader or writer could do now without blocking. */
static int
testStreamReadyLocked(testStreamData *s)
{
    if (s->closed)
        return 0;
    if (s->hungup)
        return VIR_STREAM_EVENT_HANGUP | VIR_STREAM_EVENT_READABLE;
    switch (s->mode) {
    case TEST_STREAM_SOURCE:
        return VIR_STREAM_EVENT_READABLE;
    case TEST_STREAM_SINK:
        return VIR_STREAM_EVENT_WRITABLE;
    case TEST_STREAM_ECHO:
        return VIR_STREAM_EVENT_WRITABLE |
               (s->echo->len ? VIR_STREAM_EVENT_READABLE : 0);
    }
    return 0;
}

/* Arms the callback's timer for the current state (lock held; the event
 * loop's own lock is a leaf, so this may be called here). */
static void
testStreamRearmLocked(testStreamData *s)
{
    bool ready;

    if (!s->hasCallback)
        return;
    /* A hangup or error is reported whatever the callback asked for. */
    ready = (testStreamReadyLocked(s) &
             (s->events | VIR_STREAM_EVENT_HANGUP | VIR_STREAM_EVENT_ERROR))
            != 0;
    virEventUpdateTimeout(s->timer, ready ? 0 : TEST_STREAM_POLL_MS);
}

static void
testStreamTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virStreamPtr st = opaque;
    testStreamData *s = st->privateData;
    virStreamEventCallback cb;
    void *cbOpaque;
    int events;

    g_mutex_lock(&s->lock);
    if (!s->hasCallback || s->dispatching) {
        g_mutex_unlock(&s->lock);
        return;
    }
    events = testStreamReadyLocked(s) &
             (s->events | VIR_STREAM_EVENT_HANGUP | VIR_STREAM_EVENT_ERROR);
    if (!events) {
        virEventUpdateTimeout(s->timer, TEST_STREAM_POLL_MS);
        g_mutex_unlock(&s->lock);
        return;
    }
    cb = s->cb;
    cbOpaque = s->cbOpaque;
    s->dispatching = true;
    g_mutex_unlock(&s->lock);

    cb(st, events, cbOpaque);

    g_mutex_lock(&s->lock);
    s->dispatching = false;
    if (s->pending) {
        virFreeCallback pendingFree = s->pendingFree;
        void *old = s->pendingOpaque;

        s->pending = false;
        s->pendingFree = NULL;
        s->pendingOpaque = NULL;
        /* A new callback may have been added meanwhile: keep it armed. */
        testStreamRearmLocked(s);
        g_mutex_unlock(&s->lock);
        if (pendingFree)
            pendingFree(old);
        return;
    }
    testStreamRearmLocked(s);
    g_mutex_unlock(&s->lock);
}

static void
testStreamTimerFree(void *opaque)
{
    virObjectUnref(opaque);
}

/* Drops the callback (lock held); its free function, if it must run now,
 * is returned with its argument for the caller to call unlocked. */
static void
testStreamDropCallbackLocked(testStreamData *s, virFreeCallback *cbFree,
                             void **cbOpaque)
{
    *cbFree = NULL;
    *cbOpaque = NULL;
    if (!s->hasCallback)
        return;
    virEventRemoveTimeout(s->timer);
    s->hasCallback = false;
    s->timer = -1;
    s->cb = NULL;
    s->events = 0;
    if (s->dispatching && !s->pending) {
        s->pending = true;
        s->pendingFree = s->cbFree;
        s->pendingOpaque = s->cbOpaque;
    } else {
        /* Not the one running (that one is pending already). */
        *cbFree = s->cbFree;
        *cbOpaque = s->cbOpaque;
    }
    s->cbFree = NULL;
    s->cbOpaque = NULL;
}

static int
testStreamEventAddCallback(virStreamPtr st, int events,
                           virStreamEventCallback cb, void *opaque,
                           virFreeCallback ff)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);
    int timer;

    if (s->closed) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "stream is not open");
        return -1;
    }
    if (s->hasCallback) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream already has a callback registered");
        return -1;
    }
    if ((timer = virEventAddTimeout(-1, testStreamTimer, virObjectRef(st),
                                    testStreamTimerFree)) < 0) {
        virObjectUnref(st);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot register file watch on stream");
        return -1;
    }
    s->timer = timer;
    s->hasCallback = true;
    s->events = events;
    s->cb = cb;
    s->cbOpaque = opaque;
    s->cbFree = ff;
    testStreamRearmLocked(s);
    return 0;
}

static int
testStreamEventUpdateCallback(virStreamPtr st, int events)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);

    if (!s->hasCallback) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream does not have a callback registered");
        return -1;
    }
    s->events = events;
    testStreamRearmLocked(s);
    return 0;
}

static int
testStreamEventRemoveCallback(virStreamPtr st)
{
    testStreamData *s = st->privateData;
    virFreeCallback cbFree;
    void *cbOpaque;

    g_mutex_lock(&s->lock);
    if (!s->hasCallback) {
        g_mutex_unlock(&s->lock);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream does not have a callback registered");
        return -1;
    }
    testStreamDropCallbackLocked(s, &cbFree, &cbOpaque);
    g_mutex_unlock(&s->lock);
    if (cbFree)
        cbFree(cbOpaque);
    return 0;
}

static int
testStreamNotOpen(void)
{
    virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "stream is not open");
    return -1;
}

/* Copies up to nbytes of a source into data; with stopAtHole, stops
 * before a hole and returns -3 when one comes first. */
static int
testStreamSourceRead(testStreamData *s, char *data, size_t nbytes,
                     bool stopAtHole)
{
    size_t done = 0;

    while (done < nbytes && s->pos < s->chunks->len) {
        testStreamChunk *chunk = &g_array_index(s->chunks, testStreamChunk,
                                                s->pos);
        unsigned long long avail = chunk->len - s->off;
        size_t n = nbytes - done;

        if (!chunk->data && s->sparse && stopAtHole)
            return done ? (int)done : -3;
        if (n > avail)
            n = avail;
        if (chunk->data)
            memcpy(data + done, chunk->data + s->off, n);
        else
            memset(data + done, 0, n);
        done += n;
        s->off += n;
        if (s->off == chunk->len) {
            s->pos++;
            s->off = 0;
        }
    }
    return done;
}

static int
testStreamRecvFlags(virStreamPtr st, char *data, size_t nbytes,
                    unsigned int flags)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);
    size_t n;

    virCheckFlags(VIR_STREAM_RECV_STOP_AT_HOLE, -1);

    if (nbytes > INT_MAX)
        nbytes = INT_MAX;
    if (s->closed)
        return testStreamNotOpen();

    switch (s->mode) {
    case TEST_STREAM_SOURCE:
        return testStreamSourceRead(s, data, nbytes,
                                    flags & VIR_STREAM_RECV_STOP_AT_HOLE);
    case TEST_STREAM_SINK:
        virReportSystemError(EBADF, "%s", "cannot read from stream");
        return -1;
    case TEST_STREAM_ECHO:
        while (s->echo->len == 0 && !s->hungup && !s->closed) {
            if (st->flags & VIR_STREAM_NONBLOCK)
                return -2;
            g_cond_wait(&s->cond, &s->lock);
        }
        if (s->closed)
            return testStreamNotOpen();
        n = MIN(nbytes, s->echo->len);
        memcpy(data, s->echo->data, n);
        g_byte_array_remove_range(s->echo, 0, n);
        testStreamRearmLocked(s);
        return n;
    }
    return 0;
}

static int
testStreamRecv(virStreamPtr st, char *data, size_t nbytes)
{
    return testStreamRecvFlags(st, data, nbytes, 0);
}

static int
testStreamSend(virStreamPtr st, const char *data, size_t nbytes)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);

    if (nbytes > INT_MAX) {
        virReportSystemError(ERANGE, "%s",
                             "Too many bytes to write to stream");
        return -1;
    }
    if (s->closed)
        return testStreamNotOpen();
    if (s->hungup) {
        virReportSystemError(EPIPE, "%s", "cannot write to stream");
        return -1;
    }

    switch (s->mode) {
    case TEST_STREAM_SOURCE:
        virReportSystemError(EBADF, "%s", "cannot write to stream");
        return -1;
    case TEST_STREAM_SINK:
        if (s->total == s->limit) {
            virReportSystemError(ENOSPC, "%s", "cannot write to stream");
            return -1;
        }
        if (nbytes > s->limit - s->total)
            nbytes = s->limit - s->total;
        testStreamChunksAddData(s->chunks, data, nbytes);
        s->total += nbytes;
        return nbytes;
    case TEST_STREAM_ECHO:
        g_byte_array_append(s->echo, (const guint8 *)data, nbytes);
        g_cond_broadcast(&s->cond);
        testStreamRearmLocked(s);
        return nbytes;
    }
    return 0;
}

static int
testStreamSendHole(virStreamPtr st, long long length, unsigned int flags)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);

    virCheckFlags(0, -1);
    if (length <= 0) {
        virReportInvalidArg(length, "%s in %s must be greater than zero",
                            "length", __func__);
        return -1;
    }
    if (s->closed)
        return testStreamNotOpen();
    /* What upstream's file streams report: a download cannot be cut
     * short, a console cannot seek. */
    if (s->mode == TEST_STREAM_SOURCE) {
        virReportSystemError(EINVAL, "%s", "unable to truncate");
        return -1;
    }
    if (s->mode == TEST_STREAM_ECHO) {
        virReportSystemError(ESPIPE, "%s", "unable to seek");
        return -1;
    }
    /* Like the data, a hole past the limit is cut short. */
    if ((unsigned long long)length > s->limit - s->total)
        length = s->limit - s->total;
    testStreamChunksAddHole(s->chunks, length);
    s->total += length;
    return 0;
}

static int
testStreamRecvHole(virStreamPtr st, long long *length, unsigned int flags)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);
    testStreamChunk *chunk;

    virCheckFlags(0, -1);
    if (s->closed)
        return testStreamNotOpen();
    if (s->mode == TEST_STREAM_SINK) {
        virReportSystemError(EBADF, "%s", "cannot read from stream");
        return -1;
    }
    *length = 0;
    if (s->mode != TEST_STREAM_SOURCE || !s->sparse ||
        s->pos >= s->chunks->len)
        return 0;
    chunk = &g_array_index(s->chunks, testStreamChunk, s->pos);
    if (chunk->data)
        return 0;
    /* Holes are kept below LLONG_MAX by their producers. */
    *length = chunk->len - s->off;
    s->pos++;
    s->off = 0;
    return 0;
}

/* Ends the stream for the application; runs the sink's commit when
 * finishing.  Closing twice is fine, as upstream's streams allow. */
static int
testStreamClose(virStreamPtr st, bool finish)
{
    testStreamData *s = st->privateData;
    g_autoptr(GArray) chunks = NULL;
    testStreamCloseFunc onClose = NULL;
    virFreeCallback cbFree;
    void *cbOpaque;

    g_mutex_lock(&s->lock);
    if (s->closed) {
        g_mutex_unlock(&s->lock);
        return 0;
    }
    s->closed = true;
    g_cond_broadcast(&s->cond);
    testStreamDropCallbackLocked(s, &cbFree, &cbOpaque);
    if (s->mode == TEST_STREAM_SINK && finish && s->commit)
        chunks = g_array_ref(s->chunks);
    if (s->mode == TEST_STREAM_ECHO)
        onClose = s->onClose;
    g_mutex_unlock(&s->lock);

    if (cbFree)
        cbFree(cbOpaque);
    if (onClose)
        onClose(st, s->opaque);
    if (chunks)
        return s->commit(chunks, s->opaque);
    return 0;
}

static int
testStreamFinish(virStreamPtr st)
{
    return testStreamClose(st, true);
}

static int
testStreamAbort(virStreamPtr st)
{
    return testStreamClose(st, false);
}

static virStreamDriver testStreamDriver = {
    .name = "Test",
    .streamSend = testStreamSend,
    .streamRecv = testStreamRecv,
    .streamRecvFlags = testStreamRecvFlags,
    .streamSendHole = testStreamSendHole,
    .streamRecvHole = testStreamRecvHole,
    .streamFinish = testStreamFinish,
    .streamAbort = testStreamAbort,
    .streamEventAddCallback = testStreamEventAddCallback,
    .streamEventUpdateCallback = testStreamEventUpdateCallback,
    .streamEventRemoveCallback = testStreamEventRemoveCallback,
};

/* The same without the calls that read holes, as upstream's local file
 * streams. */
static virStreamDriver testStreamPlainDriver = {
    .name = "Test",
    .streamSend = testStreamSend,
    .streamRecv = testStreamRecv,
    .streamSendHole = testStreamSendHole,
    .streamFinish = testStreamFinish,
    .streamAbort = testStreamAbort,
    .streamEventAddCallback = testStreamEventAddCallback,
    .streamEventUpdateCallback = testStreamEventUpdateCallback,
    .streamEventRemoveCallback = testStreamEventRemoveCallback,
};

/* Attaches a new state of the given mode to st, which must be unused. */
static testStreamData *
testStreamAttach(virStreamPtr st, testStreamMode mode, bool holeCalls,
                 void *opaque, GDestroyNotify freeOpaque)
{
    testStreamData *s;

    if (st->driver) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "stream is already in use");
        return NULL;
    }
    s = g_new0(testStreamData, 1);
    g_mutex_init(&s->lock);
    g_cond_init(&s->cond);
    s->mode = mode;
    s->timer = -1;
    s->opaque = opaque;
    s->freeOpaque = freeOpaque;
    st->privateData = s;
    st->ff = testStreamDataFree;
    st->driver = holeCalls ? &testStreamDriver : &testStreamPlainDriver;
    return s;
}

int
testStreamOpenSource(virStreamPtr st, GArray **chunks, testStreamHoles holes)
{
    testStreamData *s = testStreamAttach(st, TEST_STREAM_SOURCE,
                                         holes != TEST_STREAM_NO_HOLES,
                                         NULL, NULL);

    if (!s)
        return -1;
    s->chunks = g_steal_pointer(chunks);
    s->sparse = holes == TEST_STREAM_HOLES_SPARSE;
    return 0;
}

int
testStreamOpenSink(virStreamPtr st, unsigned long long limit, bool sparse,
                   testStreamCommitFunc commit, void *opaque,
                   GDestroyNotify freeOpaque)
{
    testStreamData *s = testStreamAttach(st, TEST_STREAM_SINK, true, opaque,
                                         freeOpaque);

    if (!s)
        return -1;
    s->chunks = testStreamChunksNew();
    s->limit = limit;
    s->sparse = sparse;
    s->commit = commit;
    return 0;
}

int
testStreamOpenEcho(virStreamPtr st, testStreamCloseFunc onClose, void *opaque,
                   GDestroyNotify freeOpaque)
{
    testStreamData *s = testStreamAttach(st, TEST_STREAM_ECHO, false, opaque,
                                         freeOpaque);

    if (!s)
        return -1;
    s->echo = g_byte_array_new();
    s->onClose = onClose;
    return 0;
}

void
testStreamHangup(virStreamPtr st)
{
    testStreamData *s = st->privateData;
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&s->lock);

    s->hungup = true;
    g_cond_broadcast(&s->cond);
    testStreamRearmLocked(s);
}
