/*
 * test_interface.c: the test driver's host interfaces: upstream's default
 * "eth1", interfaces of node files, definition and removal, start and
 * stop with upstream's state checks, lookups by name and MAC, lists with
 * their filters, and the change transactions (begin, commit, rollback).
 *
 * A transaction keeps a copy of the whole interface list, made the way
 * upstream makes it (each definition formatted and read back, every copy
 * inactive), and a rollback puts that copy in place.  One mutex guards
 * the interface state: every slot is short.
 */
#include "test_driver.h"
#include "test_objlist.h"
#include "conf/interface_conf.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The interface every test:///default starts with (upstream's). */
static const char testDefaultInterfaceXML[] =
    "<interface type='ethernet' name='eth1'>\n"
    "  <start mode='onboot'/>\n"
    "  <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "  <mtu size='1492'/>\n"
    "  <protocol family='ipv4'>\n"
    "    <ip address='192.168.0.5' prefix='24'/>\n"
    "    <route gateway='192.168.0.1'/>\n"
    "  </protocol>\n"
    "</interface>\n";

#define TEST_INTERFACES_FILTER_ALL \
    (VIR_CONNECT_LIST_INTERFACES_ACTIVE | VIR_CONNECT_LIST_INTERFACES_INACTIVE)

typedef struct _testIface testIface;
struct _testIface {
    virInterfaceDef *def;
    bool active;
};

struct _testInterfaceState {
    GMutex lock;
    testObjList *objs;          /* testIface by name, definition order */
    testObjList *backup;        /* the list as a transaction began, or NULL */
    bool transaction;
};

static void
testIfaceFree(void *opaque)
{
    testIface *iface = opaque;

    virInterfaceDefFree(iface->def);
    g_free(iface);
}

testInterfaceState *
testInterfaceStateNew(void)
{
    testInterfaceState *st = g_new0(testInterfaceState, 1);

    g_mutex_init(&st->lock);
    st->objs = testObjListNew(testIfaceFree);
    return st;
}

void
testInterfaceStateFree(testInterfaceState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    testObjListFree(st->backup);
    g_mutex_clear(&st->lock);
    g_free(st);
}

#define TEST_INTERFACE_LOCK(conn) \
    testDriver *driver G_GNUC_UNUSED = (conn)->privateData; \
    testInterfaceState *st = driver->interfaces; \
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = \
        g_mutex_locker_new(&st->lock)

/* ---- The interface list ---- */

/* Adds *def (stolen) as a new inactive interface, or replaces the
 * definition of the interface of that name, which keeps its state. */
static testIface *
testIfaceAssign(testObjList *objs, virInterfaceDef **def)
{
    testIface *iface = testObjListFindByName(objs, (*def)->name);

    if (iface) {
        virInterfaceDefFree(iface->def);
        iface->def = g_steal_pointer(def);
        return iface;
    }
    iface = g_new0(testIface, 1);
    iface->def = g_steal_pointer(def);
    testObjListAdd(objs, iface, iface->def->name, NULL);
    return iface;
}

static testIface *
testIfaceFindByName(testInterfaceState *st, const char *name)
{
    return testObjListGetByName(st->objs, name, VIR_FROM_THIS,
                                VIR_ERR_NO_INTERFACE, "interface");
}

static virInterfacePtr
testIfacePtr(virConnectPtr conn, testIface *iface)
{
    return virGetInterface(conn, iface->def->name, iface->def->mac);
}

/* A copy of every definition, read back from its XML as upstream copies
 * them; the copies are all inactive. */
static testObjList *
testIfaceListClone(testObjList *objs)
{
    g_autoptr(testObjList) copy = testObjListNew(testIfaceFree);
    size_t i;

    for (i = 0; i < testObjListSize(objs); i++) {
        testIface *iface = testObjListAt(objs, i);
        g_autofree char *xml = virInterfaceDefFormat(iface->def);
        g_autoptr(virInterfaceDef) def = NULL;

        if (!xml || !(def = virInterfaceDefParseString(xml, 0)))
            return NULL;
        testIfaceAssign(copy, &def);
    }
    return g_steal_pointer(&copy);
}

/* ---- Loading ---- */

/* Loaded interfaces are running, as upstream's are. */
static int
testInterfaceAddLoaded(testInterfaceState *st, virInterfaceDef **def)
{
    testIface *iface = testIfaceAssign(st->objs, def);

    iface->active = true;
    return 0;
}

int
testInterfaceLoadDefault(testDriver *driver)
{
    g_autoptr(virInterfaceDef) def = NULL;

    if (!(def = virInterfaceDefParseString(testDefaultInterfaceXML, 0)))
        return -1;
    return testInterfaceAddLoaded(driver->interfaces, &def);
}

int
testInterfaceLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "interface", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virInterfaceDef) def = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(nodes[i], path, "interface", &doc)) ||
            !(def = virInterfaceDefParseNode(node, 0)) ||
            testInterfaceAddLoaded(driver->interfaces, &def) < 0) {
            testFileErrorContext(path, "interface", i);
            return -1;
        }
    }
    return 0;
}

/* ---- Lookups and lists ---- */

static bool
testIfaceIsActive(void *obj, void *opaque)
{
    testIface *iface = obj;
    bool *active = opaque;

    return iface->active == *active;
}

static const char *
testIfaceName(void *obj)
{
    testIface *iface = obj;

    return iface->def->name;
}

static int
testConnectNumOfInterfaces(virConnectPtr conn)
{
    TEST_INTERFACE_LOCK(conn);
    bool active = true;

    return testObjListCount(st->objs, testIfaceIsActive, &active);
}

static int
testConnectListInterfaces(virConnectPtr conn, char **const names,
                          int maxnames)
{
    TEST_INTERFACE_LOCK(conn);
    bool active = true;

    return testObjListNames(st->objs, testIfaceIsActive, &active,
                            testIfaceName, names, maxnames);
}

static int
testConnectNumOfDefinedInterfaces(virConnectPtr conn)
{
    TEST_INTERFACE_LOCK(conn);
    bool active = false;

    return testObjListCount(st->objs, testIfaceIsActive, &active);
}

static int
testConnectListDefinedInterfaces(virConnectPtr conn, char **const names,
                                 int maxnames)
{
    TEST_INTERFACE_LOCK(conn);
    bool active = false;

    return testObjListNames(st->objs, testIfaceIsActive, &active,
                            testIfaceName, names, maxnames);
}

/* The interfaces the list flags (opaque) keep: neither bit or both keep
 * everything. */
static bool
testIfaceMatchFlags(void *obj, void *opaque)
{
    testIface *iface = obj;
    unsigned int flags = *(unsigned int *)opaque;

    return !(flags & TEST_INTERFACES_FILTER_ALL) ||
           (flags & (iface->active ? VIR_CONNECT_LIST_INTERFACES_ACTIVE :
                                     VIR_CONNECT_LIST_INTERFACES_INACTIVE));
}

static void *
testIfacePublic(virConnectPtr conn, void *obj)
{
    return testIfacePtr(conn, obj);
}

static int
testConnectListAllInterfaces(virConnectPtr conn, virInterfacePtr **ifaces,
                             unsigned int flags)
{
    virCheckFlags(TEST_INTERFACES_FILTER_ALL, -1);
    {
        TEST_INTERFACE_LOCK(conn);

        return testObjListExport(st->objs, conn, testIfaceMatchFlags, &flags,
                                 testIfacePublic, (void ***)ifaces);
    }
}

static virInterfacePtr
testInterfaceLookupByName(virConnectPtr conn, const char *name)
{
    TEST_INTERFACE_LOCK(conn);
    testIface *iface = testIfaceFindByName(st, name);

    return iface ? testIfacePtr(conn, iface) : NULL;
}

/* The answer carries the MAC as the caller wrote it, as upstream's does.
 * An interface without a MAC (a bridge) matches no MAC. */
static virInterfacePtr
testInterfaceLookupByMACString(virConnectPtr conn, const char *mac)
{
    TEST_INTERFACE_LOCK(conn);
    testIface *match = NULL;
    size_t i;

    for (i = 0; i < testObjListSize(st->objs); i++) {
        testIface *iface = testObjListAt(st->objs, i);

        if (!iface->def->mac || g_ascii_strcasecmp(iface->def->mac, mac) != 0)
            continue;
        if (match) {
            virReportError(VIR_ERR_MULTIPLE_INTERFACES, NULL);
            return NULL;
        }
        match = iface;
    }
    if (!match) {
        virReportError(VIR_ERR_NO_INTERFACE,
                       "no interface with matching mac '%s'", mac);
        return NULL;
    }
    return virGetInterface(conn, match->def->name, mac);
}

static int
testInterfaceIsActive(virInterfacePtr obj)
{
    TEST_INTERFACE_LOCK(obj->conn);
    testIface *iface = testIfaceFindByName(st, obj->name);

    return iface ? iface->active : -1;
}

static char *
testInterfaceGetXMLDesc(virInterfacePtr obj, unsigned int flags)
{
    /* The test driver keeps no separate configuration: the inactive XML
     * is the same (upstream's test driver refuses the flag). */
    virCheckFlags(VIR_INTERFACE_XML_INACTIVE, NULL);
    {
        TEST_INTERFACE_LOCK(obj->conn);
        testIface *iface = testIfaceFindByName(st, obj->name);

        return iface ? virInterfaceDefFormat(iface->def) : NULL;
    }
}

/* ---- Lifecycle ---- */

static virInterfacePtr
testInterfaceDefineXML(virConnectPtr conn, const char *xml,
                       unsigned int flags)
{
    g_autoptr(virInterfaceDef) def = NULL;
    testIface *iface;

    virCheckFlags(VIR_INTERFACE_DEFINE_VALIDATE, NULL);
    {
        TEST_INTERFACE_LOCK(conn);

        if (!(def = virInterfaceDefParseString(xml, flags)))
            return NULL;
        iface = testIfaceAssign(st->objs, &def);
        return testIfacePtr(conn, iface);
    }
}

/* Upstream removes a running interface too. */
static int
testInterfaceUndefine(virInterfacePtr obj)
{
    TEST_INTERFACE_LOCK(obj->conn);
    testIface *iface = testIfaceFindByName(st, obj->name);

    if (!iface)
        return -1;
    testObjListRemove(st->objs, iface);
    return 0;
}

/* Start (active) or stop an interface: only from the other state, with
 * upstream's bare "not valid" error. */
static int
testInterfaceSetActive(virInterfacePtr obj, bool active)
{
    TEST_INTERFACE_LOCK(obj->conn);
    testIface *iface = testIfaceFindByName(st, obj->name);

    if (!iface)
        return -1;
    if (iface->active == active) {
        virReportError(VIR_ERR_OPERATION_INVALID, NULL);
        return -1;
    }
    iface->active = active;
    return 0;
}

static int
testInterfaceCreate(virInterfacePtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(obj, true);
}

static int
testInterfaceDestroy(virInterfacePtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(obj, false);
}

/* ---- Change transactions ---- */

static int
testInterfaceChangeBegin(virConnectPtr conn, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_INTERFACE_LOCK(conn);

        if (st->transaction) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "there is another transaction running.");
            return -1;
        }
        if (!(st->backup = testIfaceListClone(st->objs)))
            return -1;
        st->transaction = true;
        return 0;
    }
}

static int
testInterfaceChangeCommit(virConnectPtr conn, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_INTERFACE_LOCK(conn);

        if (!st->transaction) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "no transaction running, nothing to be committed.");
            return -1;
        }
        g_clear_pointer(&st->backup, testObjListFree);
        st->transaction = false;
        return 0;
    }
}

static int
testInterfaceChangeRollback(virConnectPtr conn, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_INTERFACE_LOCK(conn);

        if (!st->transaction) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "no transaction running, nothing to rollback.");
            return -1;
        }
        testObjListFree(st->objs);
        st->objs = g_steal_pointer(&st->backup);
        st->transaction = false;
        return 0;
    }
}

virInterfaceDriver testInterfaceDriver = {
    .name = "Test",
    .connectNumOfInterfaces = testConnectNumOfInterfaces,
    .connectListInterfaces = testConnectListInterfaces,
    .connectNumOfDefinedInterfaces = testConnectNumOfDefinedInterfaces,
    .connectListDefinedInterfaces = testConnectListDefinedInterfaces,
    .connectListAllInterfaces = testConnectListAllInterfaces,
    .interfaceLookupByName = testInterfaceLookupByName,
    .interfaceLookupByMACString = testInterfaceLookupByMACString,
    .interfaceGetXMLDesc = testInterfaceGetXMLDesc,
    .interfaceDefineXML = testInterfaceDefineXML,
    .interfaceUndefine = testInterfaceUndefine,
    .interfaceCreate = testInterfaceCreate,
    .interfaceDestroy = testInterfaceDestroy,
    .interfaceIsActive = testInterfaceIsActive,
    .interfaceChangeBegin = testInterfaceChangeBegin,
    .interfaceChangeCommit = testInterfaceChangeCommit,
    .interfaceChangeRollback = testInterfaceChangeRollback,
};
