/*
 * test_file.c: test:///PATH, a test driver whose state comes from a
 * <node> document: host figures (<cpu>, <memory>), users that must
 * authenticate (<auth>), and domains inline or by file= reference
 * relative to the document.  Each such connection has its own state.
 * The other kinds (networks, pools, interfaces, devices, secrets,
 * filters) read their elements in their own files' LoadNode.
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "util/virauth.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_file");

/* Reads an unsigned child of <cpu> into *value when present. */
static int
testFileParseCPUField(xmlNodePtr cpu, const char *name, unsigned int *value)
{
    g_autofree char *str = virXMLChildContent(cpu, name);

    if (!str)
        return 0;
    if (virStrToLong_uip(str, NULL, 10, value) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid node cpu %s value",
                       name);
        return -1;
    }
    return 1;
}

static int
testFileParseNodeInfo(testDriver *driver, xmlNodePtr root)
{
    virNodeInfoPtr info = &driver->nodeInfo;
    xmlNodePtr cpu = virXMLChild(root, "cpu");
    g_autofree char *memory = NULL;
    g_autofree char *model = NULL;
    unsigned int active = 0;
    int rc;

    if (cpu) {
        if (testFileParseCPUField(cpu, "nodes", &info->nodes) < 0 ||
            testFileParseCPUField(cpu, "sockets", &info->sockets) < 0 ||
            testFileParseCPUField(cpu, "cores", &info->cores) < 0 ||
            testFileParseCPUField(cpu, "threads", &info->threads) < 0 ||
            testFileParseCPUField(cpu, "mhz", &info->mhz) < 0 ||
            (rc = testFileParseCPUField(cpu, "active", &active)) < 0)
            return -1;
        info->cpus = info->nodes * info->sockets * info->cores *
                     info->threads;
        if (rc > 0)
            info->cpus = MIN(active, info->cpus);
        if ((model = virXMLChildContent(cpu, "model"))) {
            if (strlen(model) >= sizeof(info->model)) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "Model %s too big for destination", model);
                return -1;
            }
            g_strlcpy(info->model, model, sizeof(info->model));
        }
    }
    if ((memory = virXMLChildContent(root, "memory"))) {
        unsigned long long kib;

        if (virStrToLong_ullp(memory, NULL, 10, &kib) < 0 ||
            kib > ULONG_MAX) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid node memory value");
            return -1;
        }
        info->memory = kib;
    }
    return 0;
}

static int
testFileParseAuth(testDriver *driver, xmlNodePtr root)
{
    xmlNodePtr auth = virXMLChild(root, "auth");
    g_autofree xmlNodePtr *users = NULL;
    size_t n = virXMLChildren(auth, "user", &users);
    size_t i;

    driver->auths = g_new0(testAuth, n + 1);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLNodeContent(users[i]);

        if (!*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing username in /node/auth/user field");
            return -1;
        }
        driver->auths[driver->nauths].username = g_steal_pointer(&name);
        driver->auths[driver->nauths].password =
            virXMLPropString(users[i], "password");
        driver->nauths++;
    }
    return 0;
}

xmlNodePtr
testFileResolve(xmlNodePtr node, const char *path, const char *rootname,
                xmlDocPtr *doc)
{
    g_autofree char *ref = virXMLPropString(node, "file");
    g_autofree char *dir = NULL;
    g_autofree char *full = NULL;

    if (!ref)
        return node;
    dir = g_path_get_dirname(path);
    full = g_path_is_absolute(ref) ? g_strdup(ref)
                                   : g_build_filename(dir, ref, NULL);
    if (!(*doc = virXMLParseFileCtxt(VIR_FROM_THIS, full, rootname)))
        return NULL;
    return xmlDocGetRootElement(*doc);
}

void
testFileErrorContext(const char *path, const char *element, size_t idx)
{
    virErrorPtr err = virGetLastError();

    if (err)
        virRaiseErrorFull(__FILE__, __func__, __LINE__, err->domain,
                          err->code, VIR_ERR_ERROR, NULL, NULL, NULL, 0, 0,
                          "test driver file '%s', <%s> %zu: %s",
                          path, element, idx + 1, err->message);
}

static int
testFileParseDomains(testDriver *driver, xmlNodePtr root, const char *path)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "domain", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virDomainDef) def = NULL;
        g_autoptr(virDomainObj) vm = NULL;
        g_autofree char *name = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(nodes[i], path, "domain", &doc)) ||
            !(def = virDomainDefParseNode(node, testDriverDomainXMLOption(),
                                          VIR_DOMAIN_DEF_PARSE_INACTIVE))) {
            testFileErrorContext(path, "domain", i);
            return -1;
        }
        name = g_strdup(def->name);
        if (testDomainAddLoaded(driver, &def) < 0)
            return -1;
        if (!(vm = virDomainObjListFindByName(driver->domains, name)) ||
            testDomainSnapshotsLoad(vm, path) < 0)
            return -1;
    }
    return 0;
}

int
testFileLoad(testDriver *driver, const char *path)
{
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr root;

    if (!(doc = virXMLParseFileCtxt(VIR_FROM_THIS, path, "node")))
        return -1;
    root = xmlDocGetRootElement(doc);
    if (testFileParseNodeInfo(driver, root) < 0 ||
        testFileParseAuth(driver, root) < 0 ||
        testFileParseDomains(driver, root, path) < 0 ||
        testNetworkLoadNode(driver, root, path) < 0 ||
        testStorageLoadNode(driver, root, path) < 0 ||
        testInterfaceLoadNode(driver, root, path) < 0 ||
        testNodeDeviceLoadNode(driver, root, path) < 0 ||
        testSecretLoadNode(driver, root, path) < 0 ||
        testNWFilterLoadNode(driver, root, path) < 0)
        return -1;
    return 0;
}

int
testFileAuthenticate(testDriver *driver, virConnectAuthPtr auth)
{
    g_autofree char *username = NULL;
    g_autofree char *password = NULL;
    testAuth *user = NULL;
    size_t i;

    if (driver->nauths == 0)
        return 0;
    if (!(username = virAuthGetUsername(auth, NULL, "localhost")))
        return -1;
    for (i = 0; i < driver->nauths; i++) {
        if (STREQ(driver->auths[i].username, username))
            user = &driver->auths[i];
    }
    /* An unknown user is still asked for a password, as upstream does. */
    if ((!user || user->password) &&
        !(password = virAuthGetPassword(auth, username, "localhost")))
        return -1;
    if (!user || (password && STRNEQ(user->password, password))) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "authentication failed, see test XML for the correct "
                       "username/password");
        return -1;
    }
    return 0;
}
