/*
 * test_domain_console.c: consoles, channels and screenshots of domains,
 * as streams.
 *
 * A console or channel stream echoes what the application sends, as if
 * the guest repeated its input, until the domain stops.  The lookups,
 * checks and messages are the qemu driver's (upstream's test driver has
 * neither call): the domain must run, the device must be a pty console
 * (a unix socket channel), and one stream at a time may use a device
 * unless the caller forces it away from the previous one.  A screenshot
 * is an image/png made here, where upstream's test driver sends a
 * picture from its data directory.
 */
#include "test_driver.h"
#include "test_stream.h"
#include "conf/domain_chr.h"
#include "conf/domain_os.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* ---- Who holds which device ----
 *
 * One table for every driver in the process, keyed by driver, domain and
 * device.  A session refers to its stream without a reference: the
 * stream's closing or freeing removes the session, so a stream the
 * application drops frees its device. */

typedef struct _testChrSession testChrSession;
struct _testChrSession {
    virStreamPtr st;
    int domid;          /* the run of the domain the session belongs to */
};

/* The opaque of a session's stream: how to find the session again. */
typedef struct _testChrSessionRef testChrSessionRef;
struct _testChrSessionRef {
    char *key;
    virStreamPtr st;
};

static GMutex testChrLock;
static GHashTable *testChrSessions;     /* key -> testChrSession */

static void
testChrSessionForget(testChrSessionRef *ref)
{
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&testChrLock);
    testChrSession *sess;

    if (testChrSessions &&
        (sess = g_hash_table_lookup(testChrSessions, ref->key)) &&
        sess->st == ref->st)
        g_hash_table_remove(testChrSessions, ref->key);
}

static void
testChrSessionClosed(virStreamPtr st G_GNUC_UNUSED, void *opaque)
{
    testChrSessionForget(opaque);
}

static void
testChrSessionRefFree(void *opaque)
{
    testChrSessionRef *ref = opaque;

    testChrSessionForget(ref);
    g_free(ref->key);
    g_free(ref);
}

/* Gives the device named by key (of vm, locked) to st.  Returns 0, 1 when
 * another stream holds it and force is false, or -1 on error. */
static int
testChrSessionOpen(virDomainObj *vm, const char *key, virStreamPtr st,
                   bool force)
{
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&testChrLock);
    testChrSessionRef *ref;
    testChrSession *sess;

    if (!testChrSessions)
        testChrSessions = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                g_free, g_free);
    if ((sess = g_hash_table_lookup(testChrSessions, key))) {
        /* A session of an earlier run of the domain is over. */
        if (sess->domid == vm->def->id && !force)
            return 1;
        testStreamHangup(sess->st);
        g_hash_table_remove(testChrSessions, key);
    }

    ref = g_new0(testChrSessionRef, 1);
    ref->key = g_strdup(key);
    ref->st = st;
    if (testStreamOpenEcho(st, testChrSessionClosed, ref,
                           testChrSessionRefFree) < 0) {
        g_free(ref->key);
        g_free(ref);
        return -1;
    }
    sess = g_new0(testChrSession, 1);
    sess->st = st;
    sess->domid = vm->def->id;
    g_hash_table_insert(testChrSessions, g_strdup(key), sess);
    return 0;
}

static char *
testChrSessionPrefix(testDriver *driver, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    return g_strdup_printf("%p/%s/", (void *)driver,
                           virUUIDFormat(uuid, uuidstr));
}

static char *
testChrSessionKey(virDomainPtr dom, const char *family, size_t idx)
{
    g_autofree char *prefix = testChrSessionPrefix(dom->conn->privateData,
                                                   dom->uuid);

    return g_strdup_printf("%s%s%zu", prefix, family, idx);
}

void
testDomainConsolesHangup(testDriver *driver, virDomainObj *vm)
{
    g_autofree char *prefix = testChrSessionPrefix(driver, vm->def->uuid);
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&testChrLock);
    GHashTableIter iter;
    gpointer key, value;

    if (!testChrSessions)
        return;
    g_hash_table_iter_init(&iter, testChrSessions);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        testChrSession *sess = value;

        if (!g_str_has_prefix(key, prefix))
            continue;
        /* The guest's end went away: readers see the end. */
        testStreamHangup(sess->st);
        g_hash_table_iter_remove(&iter);
    }
}

/* ---- Consoles ---- */

/* The test driver gives devices no aliases; the names qemu would give
 * them ("serial0", "console1", "channel0" ...) are accepted as well. */
static bool
testChrNameMatches(virDomainChrDef *chr, const char *family, size_t idx,
                   const char *name)
{
    g_autofree char *implicit = NULL;

    if (chr->info.alias)
        return STREQ(chr->info.alias, name);
    implicit = g_strdup_printf("%s%zu", family, idx);
    return STREQ(implicit, name);
}

/* Console idx of a full machine, when of type serial, stands for serial
 * port idx (the definition keeps no source of its own for it): the port
 * it stands for, or NULL. */
static virDomainChrDef *
testConsoleMirrored(virDomainDef *def, size_t idx)
{
    virDomainDevices *devs = def->devices;
    virDomainChrDef *cons = devs->consoles[idx];

    if (def->os->type != VIR_DOMAIN_OSTYPE_HVM || idx >= devs->nserials ||
        (cons->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL &&
         cons->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE))
        return NULL;
    return devs->serials[idx];
}

static int
testDomainOpenConsole(virDomainPtr dom, const char *dev_name,
                      virStreamPtr st, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDevices *devs;
    virDomainChrDef *chr = NULL;
    const char *family = NULL;
    size_t idx = 0;
    size_t i;
    int rc;

    virCheckFlags(VIR_DOMAIN_CONSOLE_SAFE | VIR_DOMAIN_CONSOLE_FORCE, -1);

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjCheckActive(vm) < 0)
        return -1;
    devs = vm->def->devices;

    if (dev_name) {
        for (i = 0; !chr && i < devs->nconsoles; i++) {
            if (testChrNameMatches(devs->consoles[i], "console", i, dev_name)) {
                chr = devs->consoles[i];
                family = "console";
                idx = i;
            }
        }
        for (i = 0; !chr && i < devs->nserials; i++) {
            if (testChrNameMatches(devs->serials[i], "serial", i, dev_name)) {
                chr = devs->serials[i];
                family = "serial";
                idx = i;
            }
        }
        for (i = 0; !chr && i < devs->nparallels; i++) {
            if (testChrNameMatches(devs->parallels[i], "parallel", i,
                                   dev_name)) {
                chr = devs->parallels[i];
                family = "parallel";
                idx = i;
            }
        }
    } else if (devs->nconsoles) {
        chr = devs->consoles[0];
        family = "console";
    } else if (devs->nserials) {
        chr = devs->serials[0];
        family = "serial";
    }

    if (!chr) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot find character device %s", NULLSTR(dev_name));
        return -1;
    }
    /* Both names of a mirrored serial port lead to one device. */
    if (STREQ(family, "console")) {
        virDomainChrDef *serial = testConsoleMirrored(vm->def, idx);

        if (serial) {
            chr = serial;
            family = "serial";
        }
    }
    if (chr->source->type != VIR_DOMAIN_CHR_TYPE_PTY) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "character device %s is not using a PTY",
                       dev_name ? dev_name : NULLSTR(chr->info.alias));
        return -1;
    }

    key = testChrSessionKey(dom, family, idx);

    rc = testChrSessionOpen(vm, key, st, flags & VIR_DOMAIN_CONSOLE_FORCE);
    if (rc == 1) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "Active console session exists for this domain");
        return -1;
    }
    return rc;
}

static int
testDomainOpenChannel(virDomainPtr dom, const char *name, virStreamPtr st,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDevices *devs;
    virDomainChrDef *chr = NULL;
    size_t idx = 0;
    size_t i;
    int rc;

    virCheckFlags(VIR_DOMAIN_CHANNEL_FORCE, -1);

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjCheckActive(vm) < 0)
        return -1;
    devs = vm->def->devices;

    if (name) {
        for (i = 0; !chr && i < devs->nchannels; i++) {
            virDomainChrDef *ch = devs->channels[i];

            if (testChrNameMatches(ch, "channel", i, name) ||
                (ch->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO &&
                 STREQ_NULLABLE(ch->name, name))) {
                chr = ch;
                idx = i;
            }
        }
    } else if (devs->nchannels) {
        chr = devs->channels[0];
    }

    if (!chr) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "cannot find channel %s",
                       NULLSTR(name));
        return -1;
    }
    if (chr->source->type != VIR_DOMAIN_CHR_TYPE_UNIX) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "channel %s is not using a UNIX socket",
                       name ? name : NULLSTR(chr->info.alias));
        return -1;
    }

    key = testChrSessionKey(dom, "channel", idx);
    rc = testChrSessionOpen(vm, key, st, flags & VIR_DOMAIN_CHANNEL_FORCE);
    if (rc == 1) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "Active channel stream exists for this domain");
        return -1;
    }
    return rc;
}

/* ---- Screenshots ----
 *
 * A small PNG drawn here: an RGB gradient, stored uncompressed (deflate's
 * "stored" blocks), so no image library is needed. */

#define TEST_SHOT_WIDTH 160
#define TEST_SHOT_HEIGHT 120

static guint32
testPngCrc(guint32 crc, const guint8 *buf, size_t len)
{
    size_t i;
    int k;

    crc = ~crc;
    for (i = 0; i < len; i++) {
        crc ^= buf[i];
        for (k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1)));
    }
    return ~crc;
}

static void
testPngPut32(GByteArray *out, guint32 v)
{
    guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

    g_byte_array_append(out, b, 4);
}

static void
testPngChunk(GByteArray *out, const char *type, const guint8 *data,
             size_t len)
{
    guint32 crc;

    testPngPut32(out, len);
    g_byte_array_append(out, (const guint8 *)type, 4);
    if (len)
        g_byte_array_append(out, data, len);
    crc = testPngCrc(0, (const guint8 *)type, 4);
    crc = testPngCrc(crc, data, len);
    testPngPut32(out, crc);
}

static GByteArray *
testScreenshotPNG(void)
{
    static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
                                         0x1a, '\n' };
    const size_t rowLen = 1 + TEST_SHOT_WIDTH * 3;
    const size_t rawLen = rowLen * TEST_SHOT_HEIGHT;
    g_autofree guint8 *raw = g_new0(guint8, rawLen);
    g_autoptr(GByteArray) zdata = g_byte_array_new();
    GByteArray *out = g_byte_array_new();
    guint8 ihdr[13] = { 0 };
    guint32 a = 1, b = 0;
    size_t x, y, off;

    for (y = 0; y < TEST_SHOT_HEIGHT; y++) {
        guint8 *row = raw + y * rowLen;

        row[0] = 0; /* no filter */
        for (x = 0; x < TEST_SHOT_WIDTH; x++) {
            row[1 + x * 3] = x * 255 / (TEST_SHOT_WIDTH - 1);
            row[2 + x * 3] = y * 255 / (TEST_SHOT_HEIGHT - 1);
            row[3 + x * 3] = 0x80;
        }
    }

    /* zlib: header, stored blocks of at most 65535 bytes, Adler-32. */
    g_byte_array_append(zdata, (const guint8 *)"\x78\x01", 2);
    for (off = 0; off < rawLen;) {
        size_t n = MIN(rawLen - off, 65535);
        guint8 hdr[5] = { off + n == rawLen, n & 0xff, n >> 8,
                          ~n & 0xff, (~n >> 8) & 0xff };

        g_byte_array_append(zdata, hdr, 5);
        g_byte_array_append(zdata, raw + off, n);
        off += n;
    }
    for (off = 0; off < rawLen; off++) {
        a = (a + raw[off]) % 65521;
        b = (b + a) % 65521;
    }
    testPngPut32(zdata, (b << 16) | a);

    ihdr[0] = TEST_SHOT_WIDTH >> 24;
    ihdr[1] = TEST_SHOT_WIDTH >> 16;
    ihdr[2] = TEST_SHOT_WIDTH >> 8;
    ihdr[3] = TEST_SHOT_WIDTH & 0xff;
    ihdr[4] = TEST_SHOT_HEIGHT >> 24;
    ihdr[5] = TEST_SHOT_HEIGHT >> 16;
    ihdr[6] = TEST_SHOT_HEIGHT >> 8;
    ihdr[7] = TEST_SHOT_HEIGHT & 0xff;
    ihdr[8] = 8;        /* bits per sample */
    ihdr[9] = 2;        /* truecolour */

    g_byte_array_append(out, signature, sizeof(signature));
    testPngChunk(out, "IHDR", ihdr, sizeof(ihdr));
    testPngChunk(out, "IDAT", zdata->data, zdata->len);
    testPngChunk(out, "IEND", NULL, 0);
    return out;
}

/* Like upstream's test driver: any domain, running or not, any screen. */
static char *
testDomainScreenshot(virDomainPtr dom G_GNUC_UNUSED, virStreamPtr st,
                     unsigned int screen G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(GArray) chunks = testStreamChunksNew();
    g_autoptr(GByteArray) png = NULL;

    virCheckFlags(0, NULL);

    png = testScreenshotPNG();
    testStreamChunksAddData(chunks, (const char *)png->data, png->len);
    if (testStreamOpenSource(st, &chunks, TEST_STREAM_NO_HOLES) < 0)
        return NULL;
    return g_strdup("image/png");
}

void
testDomainConsoleSlots(virHypervisorDriver *hv)
{
    hv->domainOpenConsole = testDomainOpenConsole;
    hv->domainOpenChannel = testDomainOpenChannel;
    hv->domainScreenshot = testDomainScreenshot;
}
