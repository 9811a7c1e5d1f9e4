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

int
virStreamSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                 void *opaque)
{
    g_autofree char *bytes = NULL;

    VIR_DEBUG("stream=%p, handler=%p, opaque=%p", (void *)stream,
              (void *)handler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);

    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sources cannot be used for non-blocking streams");
        goto error;
    }

    bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);

    errno = 0;
    for (;;) {
        int got = handler(stream, bytes, VIR_STREAM_CHUNK_SIZE, opaque);
        int offset = 0;

        if (got < 0) {
            virStreamReportHandlerError("send handler failed");
            goto error;
        }
        if (got == 0)
            break;
        while (offset < got) {
            int done = virStreamSend(stream, bytes + offset, got - offset);

            if (done < 0)
                goto error;
            offset += done;
        }
    }
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamSparseSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                       virStreamSourceHoleFunc holeHandler,
                       virStreamSourceSkipFunc skipHandler, void *opaque)
{
    g_autofree char *bytes = NULL;
    unsigned long long dataLen = 0;

    VIR_DEBUG("stream=%p, handler=%p, holeHandler=%p, skipHandler=%p, "
              "opaque=%p", (void *)stream, (void *)handler,
              (void *)holeHandler, (void *)skipHandler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);
    virCheckNonNullArgGoto(skipHandler, error);

    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sources cannot be used for non-blocking streams");
        goto error;
    }

    bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);

    errno = 0;
    for (;;) {
        size_t want = VIR_STREAM_CHUNK_SIZE;
        int offset = 0;
        int got;

        /* At the end of a data section, ask where the next one starts;
         * send holes as holes and skip over them in the source. */
        if (dataLen == 0) {
            int inData = 0;
            long long sectionLen = 0;

            if (holeHandler(stream, &inData, &sectionLen, opaque) < 0) {
                virStreamReportHandlerError("send holeHandler failed");
                goto error;
            }

            if (!inData && sectionLen) {
                if (virStreamSendHole(stream, sectionLen, 0) < 0)
                    goto error;
                if (skipHandler(stream, sectionLen, opaque) < 0) {
                    virStreamReportHandlerError("send skipHandler failed");
                    goto error;
                }
                continue;
            }
            dataLen = sectionLen;
        }

        if (want > dataLen)
            want = dataLen;

        got = handler(stream, bytes, want, opaque);
        if (got < 0) {
            virStreamReportHandlerError("send handler failed");
            goto error;
        }
        if (got == 0)
            break;
        while (offset < got) {
            int done = virStreamSend(stream, bytes + offset, got - offset);

            if (done < 0)
                goto error;
            offset += done;
            dataLen -= done;
        }
    }
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamRecvAll(virStreamPtr stream, virStreamSinkFunc handler, void *opaque)
{
    g_autofree char *bytes = NULL;

    VIR_DEBUG("stream=%p, handler=%p, opaque=%p", (void *)stream,
              (void *)handler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);

    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sinks cannot be used for non-blocking streams");
        goto error;
    }

    bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);

    errno = 0;
    for (;;) {
        int got = virStreamRecv(stream, bytes, VIR_STREAM_CHUNK_SIZE);
        int offset = 0;

        if (got < 0)
            goto error;
        if (got == 0)
            break;
        while (offset < got) {
            int done = handler(stream, bytes + offset, got - offset, opaque);

            if (done < 0) {
                virStreamReportHandlerError("recv handler failed");
                goto error;
            }
            offset += done;
        }
    }
    return 0;

 error:
    return virStreamAllFailed(stream);
}

int
virStreamSparseRecvAll(virStreamPtr stream, virStreamSinkFunc handler,
                       virStreamSinkHoleFunc holeHandler, void *opaque)
{
    g_autofree char *bytes = NULL;

    VIR_DEBUG("stream=%p, handler=%p, holeHandler=%p, opaque=%p",
              (void *)stream, (void *)handler, (void *)holeHandler, opaque);

    virResetLastError();

    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);

    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sinks cannot be used for non-blocking streams");
        goto error;
    }

    bytes = g_new0(char, VIR_STREAM_CHUNK_SIZE);

    errno = 0;
    for (;;) {
        int got = virStreamRecvFlags(stream, bytes, VIR_STREAM_CHUNK_SIZE,
                                     VIR_STREAM_RECV_STOP_AT_HOLE);
        int offset = 0;

        if (got == -3) {
            long long holeLen = 0;

            if (virStreamRecvHole(stream, &holeLen, 0) < 0)
                goto error;
            if (holeHandler(stream, holeLen, opaque) < 0) {
                virStreamReportHandlerError("recv holeHandler failed");
                goto error;
            }
            continue;
        }
        if (got < 0)
            goto error;
        if (got == 0)
            break;
        while (offset < got) {
            int done = handler(stream, bytes + offset, got - offset, opaque);

            if (done < 0) {
                virStreamReportHandlerError("recv handler failed");
                goto error;
            }
            offset += done;
        }
    }
    return 0;

 error:
    return virStreamAllFailed(stream);
}
