/*
 * test_domain_save.c: save/restore of domains to real files, managed save
 * and core dumps, as upstream's test driver does them.
 *
 * A save image is upstream's test-driver layout, so that images written by
 * either library restore in the other: the 15 bytes "TestGuestMagic" with
 * its NUL, the length of the XML as a native int, then the domain XML.
 * Upstream reads at most 8192 bytes of XML; we keep that bound.  A managed
 * save is only a flag on the domain (upstream keeps no file for it), and a
 * core dump is a file holding the same magic text.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/object_event_types.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_save");

#define TEST_SAVE_MAGIC "TestGuestMagic"
#define TEST_SAVE_MAGIC_LEN sizeof(TEST_SAVE_MAGIC)
#define TEST_SAVE_XML_MAX 8192

/* Writes all of buf; false with errno set on failure. */
static bool
testWriteAll(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        len -= n;
    }
    return true;
}

/* Reads up to len bytes, stopping only at end of file or an error; the
 * count read (errno as the failing read set it, or ENODATA at EOF). */
static size_t
testReadAll(int fd, void *buf, size_t len)
{
    char *p = buf;
    size_t got = 0;

    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (n == 0) {
            /* Upstream reports whatever errno was left; a truncated
             * file is better told as such. */
            errno = ENODATA;
            break;
        }
        got += n;
    }
    return got;
}

/* Opens path without ever blocking on a FIFO that has no peer (a write
 * then fails, a read sees end of file), then blocks as usual. */
static int
testOpenFile(const char *path, int flags)
{
    int fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, S_IRUSR | S_IWUSR);

    if (fd >= 0 && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
        int saved = errno;

        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* Writes def as a save image at path; on failure the partial file goes. */
static int
testSaveImageWrite(const char *path, const virDomainDef *def)
{
    g_autofree char *xml = virDomainDefFormat(def,
                                              VIR_DOMAIN_DEF_FORMAT_SECURE);
    int len;
    int fd;

    if (!xml)
        return -1;
    if ((fd = testOpenFile(path, O_CREAT | O_TRUNC | O_WRONLY)) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': open failed",
                             def->name, path);
        return -1;
    }
    len = strlen(xml);
    if (!testWriteAll(fd, TEST_SAVE_MAGIC, TEST_SAVE_MAGIC_LEN) ||
        !testWriteAll(fd, &len, sizeof(len)) ||
        !testWriteAll(fd, xml, len)) {
        virReportSystemError(errno, "saving domain '%s' to '%s': write failed",
                             def->name, path);
        close(fd);
        unlink(path);
        return -1;
    }
    if (close(fd) < 0) {
        virReportSystemError(errno, "saving domain '%s' to '%s': write failed",
                             def->name, path);
        unlink(path);
        return -1;
    }
    return 0;
}

static void
testCloseFd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
}

/* The definition in the save image at path, checked as upstream checks
 * it; NULL with upstream's error for a missing, short or foreign file. */
static virDomainDef *
testSaveImageRead(const char *path)
{
    char magic[TEST_SAVE_MAGIC_LEN];
    g_autofree char *xml = NULL;
    __attribute__((cleanup(testCloseFd))) int fd = -1;
    int len;

    if ((fd = testOpenFile(path, O_RDONLY)) < 0) {
        virReportSystemError(errno, "cannot read domain image '%s'", path);
        return NULL;
    }
    if (testReadAll(fd, magic, sizeof(magic)) != sizeof(magic)) {
        virReportSystemError(errno, "incomplete save header in '%s'", path);
        return NULL;
    }
    if (memcmp(magic, TEST_SAVE_MAGIC, sizeof(magic)) != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "mismatched header magic");
        return NULL;
    }
    if (testReadAll(fd, &len, sizeof(len)) != sizeof(len)) {
        virReportSystemError(errno, "failed to read metadata length in '%s'",
                             path);
        return NULL;
    }
    if (len < 1 || len > TEST_SAVE_XML_MAX) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "length of metadata out of range");
        return NULL;
    }
    xml = g_new0(char, len + 1);
    if (testReadAll(fd, xml, len) != (size_t)len) {
        virReportSystemError(errno, "incomplete metadata in '%s'", path);
        return NULL;
    }
    return virDomainDefParseString(xml, testDriverDomainXMLOption(),
                                   VIR_DOMAIN_DEF_PARSE_INACTIVE);
}

/* Save and restore take no replacement definition, as upstream's test
 * driver. */
static int
testSaveNoXML(const char *dxml)
{
    if (dxml) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "xml modification unsupported");
        return -1;
    }
    return 0;
}

/* Stops vm (locked) for a save, a managed save or a crash dump; a
 * transient vm goes (and *vm becomes NULL). */
static void
testDomainStopFor(testDriver *driver, virDomainPtr dom, virDomainObj **vm,
                  int reason, int detail)
{
    testDomainStop(driver, vm, reason, detail);
    dom->id = -1;
}

static int
testDomainSaveFlags(virDomainPtr dom, const char *path, const char *dxml,
                    unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (testSaveNoXML(dxml) < 0)
        return -1;
    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (testSaveImageWrite(path, vm->def) < 0)
        return -1;
    testDomainStopFor(driver, dom, &vm, VIR_DOMAIN_SHUTOFF_SAVED,
                      VIR_DOMAIN_EVENT_STOPPED_SAVED);
    return 0;
}

static int
testDomainSave(virDomainPtr dom, const char *path)
{
    return testDomainSaveFlags(dom, path, NULL, 0);
}

static int
testDomainRestoreFlags(virConnectPtr conn, const char *path,
                       const char *dxml, unsigned int flags)
{
    testDriver *driver = conn->privateData;
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (testSaveNoXML(dxml) < 0)
        return -1;
    if (!(def = testSaveImageRead(path)))
        return -1;
    if (!(vm = testDomainAddLive(driver, &def)))
        return -1;
    testDomainStartState(driver, vm, VIR_DOMAIN_RUNNING_RESTORED);
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_STARTED,
                             VIR_DOMAIN_EVENT_STARTED_RESTORED);
    return 0;
}

static int
testDomainRestore(virConnectPtr conn, const char *path)
{
    return testDomainRestoreFlags(conn, path, NULL, 0);
}

static int
testDomainSaveImageDefineXML(virConnectPtr conn G_GNUC_UNUSED,
                             const char *path, const char *dxml,
                             unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainDef) newdef = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED, -1);
    /* The image must be one of ours before it is replaced. */
    if (!(def = testSaveImageRead(path)))
        return -1;
    if (!(newdef = virDomainDefParseString(dxml, testDriverDomainXMLOption(),
                                           VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    return testSaveImageWrite(path, newdef);
}

static char *
testDomainSaveImageGetXMLDesc(virConnectPtr conn G_GNUC_UNUSED,
                              const char *path, unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_IMAGE_XML_SECURE, NULL);
    if (!(def = testSaveImageRead(path)))
        return NULL;
    return virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
}

static int
testDomainCoreDumpWithFormat(virDomainPtr dom, const char *to,
                             unsigned int dumpformat, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    int fd;

    virCheckFlags(VIR_DUMP_CRASH, -1);
    if (!(vm = testDomObjActive(dom)))
        return -1;
    if ((fd = testOpenFile(to, O_CREAT | O_TRUNC | O_WRONLY)) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: failed to open %s",
                             dom->name, to);
        return -1;
    }
    if (!testWriteAll(fd, TEST_SAVE_MAGIC, TEST_SAVE_MAGIC_LEN)) {
        virReportSystemError(errno,
                             "domain '%s' coredump: failed to write header "
                             "to %s", dom->name, to);
        close(fd);
        return -1;
    }
    if (close(fd) < 0) {
        virReportSystemError(errno, "domain '%s' coredump: write failed: %s",
                             dom->name, to);
        return -1;
    }
    /* Upstream checks the format only once the file is written. */
    if (dumpformat != VIR_DOMAIN_CORE_DUMP_FORMAT_RAW) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "kdump-compressed format is not supported here");
        return -1;
    }
    if (flags & VIR_DUMP_CRASH)
        testDomainStopFor(driver, dom, &vm, VIR_DOMAIN_SHUTOFF_CRASHED,
                          VIR_DOMAIN_EVENT_STOPPED_CRASHED);
    return 0;
}

static int
testDomainCoreDump(virDomainPtr dom, const char *to, unsigned int flags)
{
    return testDomainCoreDumpWithFormat(dom, to,
                                        VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
                                        flags);
}

/* ---- Managed save: a flag on a persistent domain ---- */

static int
testDomainManagedSave(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_SAVE_BYPASS_CACHE | VIR_DOMAIN_SAVE_RUNNING |
                  VIR_DOMAIN_SAVE_PAUSED, -1);
    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (!vm->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot do managed save for transient domain");
        return -1;
    }
    testDomainStopFor(driver, dom, &vm, VIR_DOMAIN_SHUTOFF_SAVED,
                      VIR_DOMAIN_EVENT_STOPPED_SAVED);
    vm->hasManagedSave = true;
    return 0;
}

static int
testDomainHasManagedSaveImage(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    return vm->hasManagedSave ? 1 : 0;
}

static int
testDomainManagedSaveRemove(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    vm->hasManagedSave = false;
    return 0;
}

void
testDomainSaveSlots(virHypervisorDriver *hv)
{
    hv->domainSave = testDomainSave;
    hv->domainSaveFlags = testDomainSaveFlags;
    hv->domainRestore = testDomainRestore;
    hv->domainRestoreFlags = testDomainRestoreFlags;
    hv->domainSaveImageDefineXML = testDomainSaveImageDefineXML;
    hv->domainSaveImageGetXMLDesc = testDomainSaveImageGetXMLDesc;
    hv->domainCoreDump = testDomainCoreDump;
    hv->domainCoreDumpWithFormat = testDomainCoreDumpWithFormat;
    hv->domainManagedSave = testDomainManagedSave;
    hv->domainHasManagedSaveImage = testDomainHasManagedSaveImage;
    hv->domainManagedSaveRemove = testDomainManagedSaveRemove;
}
