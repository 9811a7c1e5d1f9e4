/*
 * test_secret.c: the test driver's secrets and their values.
 *
 * Upstream's test driver has no secrets; these follow upstream's secret
 * driver (its checks, messages and events) without its files: a secret
 * lives in memory whether ephemeral or not.  Secrets are keyed by UUID in
 * a testObjList; the usage lookup scans, as upstream's does.  A node file
 * may hold <secret> documents (inline or file=) with an optional base64
 * value='...' attribute, a Vireo extension.
 */
#include "test_driver.h"
#include "test_objlist.h"
#include "conf/secret_conf.h"
#include "conf/object_event_types.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

typedef struct _testSecret testSecret;
struct _testSecret {
    virSecretDef *def;
    unsigned char *value;       /* NULL until one is set */
    size_t valueSize;
};

struct _testSecretState {
    testObjList *objs;
};

static void
testSecretFree(void *opaque)
{
    testSecret *secret = opaque;

    virSecretDefFree(secret->def);
    if (secret->value)
        memset(secret->value, 0, secret->valueSize);
    g_free(secret->value);
    g_free(secret);
}

testSecretState *
testSecretStateNew(void)
{
    testSecretState *st = g_new0(testSecretState, 1);

    st->objs = testObjListNew(testSecretFree);
    return st;
}

void
testSecretStateFree(testSecretState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

/* ---- The list (callers hold its lock) ---- */

static testSecret *
testSecretFindByUUID(testSecretState *st, const unsigned char *uuid)
{
    return testObjListGetByUUID(st->objs, uuid, VIR_FROM_THIS,
                                VIR_ERR_NO_SECRET, "secret");
}

/* A secret without usage is never found by usage, as upstream's. */
static testSecret *
testSecretFindByUsageRaw(testSecretState *st, int usageType,
                         const char *usageID)
{
    size_t i;

    if (usageType == VIR_SECRET_USAGE_TYPE_NONE)
        return NULL;
    for (i = 0; i < testObjListSize(st->objs); i++) {
        testSecret *secret = testObjListAt(st->objs, i);

        if (secret->def->usage_type == usageType &&
            STREQ_NULLABLE(secret->def->usage_id, usageID))
            return secret;
    }
    return NULL;
}

/* Adds *def (stolen) or replaces the definition of the secret with its
 * UUID, with upstream's checks; the value stays. */
static testSecret *
testSecretAssign(testSecretState *st, virSecretDef **def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testSecret *secret;

    virUUIDFormat((*def)->uuid, uuidstr);
    if ((secret = testObjListFindByUUID(st->objs, (*def)->uuid))) {
        if (!STREQ_NULLABLE(secret->def->usage_id, (*def)->usage_id)) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "a secret with UUID %s is already defined for "
                           "use with %s",
                           uuidstr, NULLSTR(secret->def->usage_id));
            return NULL;
        }
        if (secret->def->isprivate && !(*def)->isprivate) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "cannot change private flag on existing secret");
            return NULL;
        }
        virSecretDefFree(secret->def);
        secret->def = g_steal_pointer(def);
        return secret;
    }

    if ((secret = testSecretFindByUsageRaw(st, (*def)->usage_type,
                                           (*def)->usage_id))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "a secret with UUID %s already defined for use "
                       "with %s",
                       virUUIDFormat(secret->def->uuid, uuidstr),
                       (*def)->usage_id);
        return NULL;
    }

    secret = g_new0(testSecret, 1);
    secret->def = g_steal_pointer(def);
    testObjListAdd(st->objs, secret, NULL, secret->def->uuid);
    return secret;
}

static virSecretPtr
testSecretPtr(virConnectPtr conn, testSecret *secret)
{
    return virGetSecret(conn, secret->def->uuid, secret->def->usage_type,
                        secret->def->usage_id);
}

static void
testSecretQueueLifecycle(testDriver *driver, virSecretDef *def, int type)
{
    virObjectEventStateQueue(driver->eventState,
                             virSecretEventLifecycleNew(def->uuid,
                                                        def->usage_type,
                                                        def->usage_id,
                                                        type, 0));
}

#define TEST_SECRET_LOCK(conn) \
    testSecretState *st = ((testDriver *)(conn)->privateData)->secrets; \
    TEST_OBJLIST_LOCK(st->objs)

/* ---- Loading ---- */

int
testSecretLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

static int
testSecretLoadOne(testSecretState *st, xmlNodePtr node, const char *path)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_autofree char *xml = NULL;
    g_autofree char *value = NULL;
    g_autoptr(virSecretDef) def = NULL;
    testSecret *secret;

    virXMLFormatNode(&buf, node);
    xml = virBufferContentAndReset(&buf);
    if (!(def = virSecretDefParseString(xml, 0)) ||
        !(secret = testSecretAssign(st, &def)))
        return -1;

    if ((value = virXMLPropString(node, "value"))) {
        gsize len = 0;

        secret->value = g_base64_decode(value, &len);
        secret->valueSize = len;
        if (len == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "invalid base64 secret value '%s'", value);
            return -1;
        }
    }
    return 0;
}

int
testSecretLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    testSecretState *st = driver->secrets;
    TEST_OBJLIST_LOCK(st->objs);
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "secret", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(nodes[i], path, "secret", &doc)) ||
            testSecretLoadOne(st, node, path) < 0) {
            testFileErrorContext(path, "secret", i);
            return -1;
        }
    }
    return 0;
}

/* ---- Lookups and lists ---- */

static virSecretPtr
testSecretLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    TEST_SECRET_LOCK(conn);
    testSecret *secret = testSecretFindByUUID(st, uuid);

    return secret ? testSecretPtr(conn, secret) : NULL;
}

static virSecretPtr
testSecretLookupByUsage(virConnectPtr conn, int usageType,
                        const char *usageID)
{
    TEST_SECRET_LOCK(conn);
    testSecret *secret = testSecretFindByUsageRaw(st, usageType, usageID);

    if (!secret) {
        virReportError(VIR_ERR_NO_SECRET,
                       "no secret with matching usage '%s'", usageID);
        return NULL;
    }
    return testSecretPtr(conn, secret);
}

static int
testConnectNumOfSecrets(virConnectPtr conn)
{
    TEST_SECRET_LOCK(conn);

    return testObjListCount(st->objs, NULL, NULL);
}

static int
testConnectListSecrets(virConnectPtr conn, char **uuids, int maxuuids)
{
    TEST_SECRET_LOCK(conn);
    size_t i;
    int n = 0;

    for (i = 0; i < testObjListSize(st->objs) && n < maxuuids; i++) {
        testSecret *secret = testObjListAt(st->objs, i);

        uuids[n] = g_new0(char, VIR_UUID_STRING_BUFLEN);
        virUUIDFormat(secret->def->uuid, uuids[n]);
        n++;
    }
    return n;
}

#define TEST_SECRETS_FILTER_ALL \
    (VIR_CONNECT_LIST_SECRETS_EPHEMERAL | \
     VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL | \
     VIR_CONNECT_LIST_SECRETS_PRIVATE | \
     VIR_CONNECT_LIST_SECRETS_NO_PRIVATE)

/* A filter pair keeps everything when neither bit is set. */
static bool
testSecretFilterPair(unsigned int flags, unsigned int yes, unsigned int no,
                     bool value)
{
    if (!(flags & (yes | no)))
        return true;
    return value ? !!(flags & yes) : !!(flags & no);
}

/* The secrets the list flags (opaque) keep. */
static bool
testSecretMatchFlags(void *obj, void *opaque)
{
    testSecret *secret = obj;
    unsigned int flags = *(unsigned int *)opaque;

    return testSecretFilterPair(flags, VIR_CONNECT_LIST_SECRETS_EPHEMERAL,
                                VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL,
                                secret->def->isephemeral) &&
           testSecretFilterPair(flags, VIR_CONNECT_LIST_SECRETS_PRIVATE,
                                VIR_CONNECT_LIST_SECRETS_NO_PRIVATE,
                                secret->def->isprivate);
}

static void *
testSecretPublic(virConnectPtr conn, void *obj)
{
    return testSecretPtr(conn, obj);
}

static int
testConnectListAllSecrets(virConnectPtr conn, virSecretPtr **secrets,
                          unsigned int flags)
{
    virCheckFlags(TEST_SECRETS_FILTER_ALL, -1);
    {
        TEST_SECRET_LOCK(conn);

        return testObjListExport(st->objs, conn, testSecretMatchFlags, &flags,
                                 testSecretPublic, (void ***)secrets);
    }
}

/* ---- Definitions and values ---- */

static virSecretPtr
testSecretDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    g_autoptr(virSecretDef) def = NULL;
    testSecret *secret;

    virCheckFlags(VIR_SECRET_DEFINE_VALIDATE, NULL);
    {
        testDriver *driver = conn->privateData;
        TEST_SECRET_LOCK(conn);

        if (!(def = virSecretDefParseString(xml, flags)) ||
            !(secret = testSecretAssign(st, &def)))
            return NULL;
        testSecretQueueLifecycle(driver, secret->def,
                                 VIR_SECRET_EVENT_DEFINED);
        return testSecretPtr(conn, secret);
    }
}

static int
testSecretUndefine(virSecretPtr obj)
{
    testDriver *driver = obj->conn->privateData;
    TEST_SECRET_LOCK(obj->conn);
    testSecret *secret = testSecretFindByUUID(st, obj->uuid);

    if (!secret)
        return -1;
    testSecretQueueLifecycle(driver, secret->def,
                             VIR_SECRET_EVENT_UNDEFINED);
    testObjListRemove(st->objs, secret);
    return 0;
}

static char *
testSecretGetXMLDesc(virSecretPtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_SECRET_LOCK(obj->conn);
        testSecret *secret = testSecretFindByUUID(st, obj->uuid);

        return secret ? virSecretDefFormat(secret->def) : NULL;
    }
}

static int
testSecretSetValue(virSecretPtr obj, const unsigned char *value,
                   size_t valueSize, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        testDriver *driver = obj->conn->privateData;
        TEST_SECRET_LOCK(obj->conn);
        testSecret *secret = testSecretFindByUUID(st, obj->uuid);

        if (!secret)
            return -1;
        if (secret->value)
            memset(secret->value, 0, secret->valueSize);
        g_free(secret->value);
        /* one spare byte so that an empty value is still a value */
        secret->value = g_malloc0(valueSize + 1);
        if (valueSize > 0)
            memcpy(secret->value, value, valueSize);
        secret->valueSize = valueSize;
        virObjectEventStateQueue(driver->eventState,
                                 virSecretEventValueChangedNew(
                                     secret->def->uuid,
                                     secret->def->usage_type,
                                     secret->def->usage_id));
        return 0;
    }
}

/* Upstream refuses a private secret's value to a caller less privileged
 * than its daemon; every caller of the test driver counts as such. */
static unsigned char *
testSecretGetValue(virSecretPtr obj, size_t *valueSize, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_SECRET_LOCK(obj->conn);
        testSecret *secret = testSecretFindByUUID(st, obj->uuid);
        unsigned char *ret;

        if (!secret)
            return NULL;
        if (secret->def->isprivate) {
            virReportError(VIR_ERR_INVALID_SECRET, "%s",
                           "secret is private");
            return NULL;
        }
        if (!secret->value) {
            char uuidstr[VIR_UUID_STRING_BUFLEN];

            virReportError(VIR_ERR_NO_SECRET,
                           "secret '%s' does not have a value",
                           virUUIDFormat(secret->def->uuid, uuidstr));
            return NULL;
        }
        ret = g_malloc0(secret->valueSize + 1);
        if (secret->valueSize > 0)
            memcpy(ret, secret->value, secret->valueSize);
        *valueSize = secret->valueSize;
        return ret;
    }
}

/* ---- Events ---- */

static int
testConnectSecretEventRegisterAny(virConnectPtr conn, virSecretPtr secret,
                                  int eventID,
                                  virConnectSecretEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    return virObjectEventStateRegisterID(
        driver->eventState, conn, VIR_EVENT_KIND_SECRET, eventID,
        secret ? secret->uuid : NULL, NULL, (void (*)(void))cb, opaque,
        freecb, false);
}

static int
testConnectSecretEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterID(driver->eventState, conn,
                                        callbackID) < 0)
        return -1;
    return 0;
}

virSecretDriver testSecretDriver = {
    .name = "Test",
    .connectNumOfSecrets = testConnectNumOfSecrets,
    .connectListSecrets = testConnectListSecrets,
    .connectListAllSecrets = testConnectListAllSecrets,
    .secretLookupByUUID = testSecretLookupByUUID,
    .secretLookupByUsage = testSecretLookupByUsage,
    .secretDefineXML = testSecretDefineXML,
    .secretUndefine = testSecretUndefine,
    .secretGetXMLDesc = testSecretGetXMLDesc,
    .secretSetValue = testSecretSetValue,
    .secretGetValue = testSecretGetValue,
    .connectSecretEventRegisterAny = testConnectSecretEventRegisterAny,
    .connectSecretEventDeregisterAny = testConnectSecretEventDeregisterAny,
};
