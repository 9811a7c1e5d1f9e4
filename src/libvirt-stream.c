/*
 * libvirt-stream.c: the hand-written public entry points for data streams.
 *
 * A stream is created empty by virStreamNew(); the driver call that uses
 * it (a volume upload, a console) installs its stream driver table in
 * stream->driver.  The single-step calls (send, receive, holes, events,
 * finish, abort) are generated from src/api/libvirt-stream.api; the *All()
 * helpers here loop over them with the application's callbacks, and abort
 * the stream when anything fails so the other end is not left waiting.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

VIR_LOG_INIT("libvirt.stream");

/* The *All() helpers move data in chunks of this size: the largest payload
 * of one RPC stream message (256 KiB less the message header), as upstream
 * uses, so a remote stream moves one full message per call. */
#define VIR_STREAM_CHUNK_SIZE 262120

virStreamPtr
virStreamNew(virConnectPtr conn, unsigned int flags)
{
    virStreamPtr st;

    VIR_DEBUG("conn=%p, flags=0x%x", (void *)conn, flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);

    st = virGetStream(conn);
    if (!st) {
        virDispatchError(conn);
        return NULL;
    }
    st->flags = flags;
    return st;
}

/* Common failure path of the *All() helpers: abort the stream without
 * letting the abort's own outcome replace the error that got us here. */
static int
virStreamAllFailed(virStreamPtr stream)
{
    virErrorPtr orig_err = NULL;

    virErrorPreserveLast(&orig_err);
    virStreamAbort(stream);
    virErrorRestore(&orig_err);
    virDispatchError(stream->conn);
    return -1;
}

/* A callback of the application failed: report errno's text (EIO when
 * the callback left errno unset). */
static void
virStreamReportHandlerError(const char *what)
{
    if (errno == 0)
        errno = EIO;
    virReportSystemError(errno, "%s", what);
}

/* The *All() helpers block on the stream: a non-blocking one is refused.
 * what: "sources" or "sinks". */
static int
virStreamCheckBlocking(virStreamPtr stream, const char *what)
{
    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "data %s cannot be used for non-blocking streams", what);
        return -1;
    }
    return 0;
}

/* Sends all of bytes[0..len), however the stream splits it. */
static int
virStreamSendChunk(virStreamPtr stream, const char *bytes, int len)
{
    int offset = 0;

    while (offset < len) {
        int done = virStreamSend(stream, bytes + offset, len - offset);

        if (done < 0)
            return -1;
        offset += done;
    }
    return 0;
}

/* Hands all of bytes[0..len) to the application's sink. */
static int
virStreamDeliverChunk(virStreamPtr stream, virStreamSinkFunc handler,
                      const char *bytes, int len, void *opaque)
{
    int offset = 0;

    while (offset < len) {
        int done = handler(stream, bytes + offset, len - offset, opaque);

        if (done < 0) {
            virStreamReportHandlerError("recv handler failed");
            return -1;
        }
        offset += done;
    }
    return 0;
}

/* The send loop of virStreamSendAll (holeHandler NULL: the source has no
 * holes) and virStreamSparseSendAll. */
static int
virStreamSendLoop(virStreamPtr stream, virStreamSourceFunc handler,
                  virStreamSourceHoleFunc holeHandler,
                  virStreamSourceSkipFunc skipHandler, void *opaque)
{
    g_autofree char *bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);
    unsigned long long dataLen = 0;

    errno = 0;
    for (;;) {
        size_t want = VIR_STREAM_CHUNK_SIZE;
        int got;

        /* At the end of a data section, ask where the next one starts;
         * send holes as holes and skip over them in the source. */
        if (holeHandler && dataLen == 0) {
            int inData = 0;
            long long sectionLen = 0;

            if (holeHandler(stream, &inData, &sectionLen, opaque) < 0) {
                virStreamReportHandlerError("send holeHandler failed");
                return -1;
            }

            if (!inData && sectionLen) {
                if (virStreamSendHole(stream, sectionLen, 0) < 0)
                    return -1;
                if (skipHandler(stream, sectionLen, opaque) < 0) {
                    virStreamReportHandlerError("send skipHandler failed");
                    return -1;
                }
                continue;
            }
            dataLen = sectionLen;
        }

        if (holeHandler && want > dataLen)
            want = dataLen;

        got = handler(stream, bytes, want, opaque);
        if (got < 0) {
            virStreamReportHandlerError("send handler failed");
            return -1;
        }
        if (got == 0)
            return 0;
        if (virStreamSendChunk(stream, bytes, got) < 0)
            return -1;
        dataLen -= got;
    }
}

/* The receive loop of virStreamRecvAll (holeHandler NULL: plain reads)
 * and virStreamSparseRecvAll (reads stop at holes, which go to
 * holeHandler). */
static int
virStreamRecvLoop(virStreamPtr stream, virStreamSinkFunc handler,
                  virStreamSinkHoleFunc holeHandler, void *opaque)
{
    g_autofree char *bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);

    errno = 0;
    for (;;) {
        int got;

        if (holeHandler)
            got = virStreamRecvFlags(stream, bytes, VIR_STREAM_CHUNK_SIZE,
                                     VIR_STREAM_RECV_STOP_AT_HOLE);
        else
            got = virStreamRecv(stream, bytes, VIR_STREAM_CHUNK_SIZE);

        if (got == -3) {
            long long holeLen = 0;

            if (virStreamRecvHole(stream, &holeLen, 0) < 0)
                return -1;
            if (holeHandler(stream, holeLen, opaque) < 0) {
                virStreamReportHandlerError("recv holeHandler failed");
                return -1;
            }
            continue;
        }
        if (got < 0)
            return -1;
        if (got == 0)
            return 0;
        if (virStreamDeliverChunk(stream, handler, bytes, got, opaque) < 0)
            return -1;
    }
}

int
virStreamSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                 void *opaque)
{
    VIR_DEBUG("stream=%p, handler=%p, opaque=%p", (void *)stream,
              (void *)handler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);

    if (virStreamCheckBlocking(stream, "sources") < 0 ||
        virStreamSendLoop(stream, handler, NULL, NULL, opaque) < 0)
        goto error;
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamSparseSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                       virStreamSourceHoleFunc holeHandler,
                       virStreamSourceSkipFunc skipHandler, void *opaque)
{
    VIR_DEBUG("stream=%p, handler=%p, holeHandler=%p, skipHandler=%p, "
              "opaque=%p", (void *)stream, (void *)handler,
              (void *)holeHandler, (void *)skipHandler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);
    virCheckNonNullArgGoto(skipHandler, error);

    if (virStreamCheckBlocking(stream, "sources") < 0 ||
        virStreamSendLoop(stream, handler, holeHandler, skipHandler, opaque) < 0)
        goto error;
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamRecvAll(virStreamPtr stream, virStreamSinkFunc handler, void *opaque)
{
    VIR_DEBUG("stream=%p, handler=%p, opaque=%p", (void *)stream,
              (void *)handler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);

    if (virStreamCheckBlocking(stream, "sinks") < 0 ||
        virStreamRecvLoop(stream, handler, NULL, opaque) < 0)
        goto error;
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamSparseRecvAll(virStreamPtr stream, virStreamSinkFunc handler,
                       virStreamSinkHoleFunc holeHandler, void *opaque)
{
    VIR_DEBUG("stream=%p, handler=%p, holeHandler=%p, opaque=%p",
              (void *)stream, (void *)handler, (void *)holeHandler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);

    if (virStreamCheckBlocking(stream, "sinks") < 0 ||
        virStreamRecvLoop(stream, handler, holeHandler, opaque) < 0)
        goto error;
    return 0;

 error:
    return virStreamAllFailed(stream);
}
