/*
 * test_nwfilter.c: the test driver's network filters and filter bindings.
 *
 * Upstream's test driver has neither; these follow upstream's nwfilter
 * driver (its checks and messages) without its firewall: a binding only
 * records that a port uses a filter.  test:///default starts with no
 * filters (upstream's daemon reads its stock ones from /etc; a test
 * driver has no such files).  A filter is in use, and cannot be undefined
 * or redefined into a broken chain, while some binding reaches it through
 * its filter references, which is what upstream's rebuild of the bindings
 * finds.  Node files may hold <filter> and <filterbinding> documents
 * (inline or file=), a Vireo extension.
 */
#include "test_driver.h"
#include "test_objlist.h"
#include "conf/nwfilter_conf.h"
#include "conf/nwfilter_binding_conf.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

struct _testNWFilterState {
    /* One lock for both lists: bindings refer to filters by name. */
    testObjList *objs;          /* virNWFilterDef by name and uuid */
    testObjList *bindings;      /* virNWFilterBindingDef by port dev */
};

static void
testNWFilterDefFree(void *def)
{
    virNWFilterDefFree(def);
}

static void
testNWFilterBindingDefFree(void *def)
{
    virNWFilterBindingDefFree(def);
}

testNWFilterState *
testNWFilterStateNew(void)
{
    testNWFilterState *st = g_new0(testNWFilterState, 1);

    st->objs = testObjListNew(testNWFilterDefFree);
    st->bindings = testObjListNew(testNWFilterBindingDefFree);
    return st;
}

void
testNWFilterStateFree(testNWFilterState *st)
{
    if (!st)
        return;
    testObjListFree(st->bindings);
    testObjListFree(st->objs);
    g_free(st);
}

#define TEST_NWFILTER_LOCK(conn) \
    testNWFilterState *st = \
        ((testDriver *)(conn)->privateData)->nwfilters; \
    TEST_OBJLIST_LOCK(st->objs)

/* ---- Filters and their references (callers hold the lock) ---- */

static virNWFilterDef *
testNWFilterFindByUUID(testNWFilterState *st, const unsigned char *uuid)
{
    return testObjListGetByUUID(st->objs, uuid, VIR_FROM_THIS,
                                VIR_ERR_NO_NWFILTER, "nwfilter");
}

/* Whether def references filter name, directly or through the filters
 * it references. */
static bool
testNWFilterReaches(testNWFilterState *st, const virNWFilterDef *def,
                    const char *name, GHashTable *seen)
{
    size_t i;

    for (i = 0; i < def->nentries; i++) {
        const char *ref = def->entries[i].filterref;
        virNWFilterDef *next;

        if (!ref)
            continue;
        if (STREQ(ref, name))
            return true;
        if (g_hash_table_contains(seen, ref))
            continue;
        g_hash_table_add(seen, (gpointer)ref);
        if ((next = testObjListFindByName(st->objs, ref)) &&
            testNWFilterReaches(st, next, name, seen))
            return true;
    }
    return false;
}

/* Checks that filter name and everything it references exist, with the
 * message upstream's instantiation gives. */
static int
testNWFilterCheckChain(testNWFilterState *st, const char *name,
                       GHashTable *seen)
{
    virNWFilterDef *def = testObjListFindByName(st->objs, name);
    size_t i;

    if (!def) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "referenced filter '%s' is missing", name);
        return -1;
    }
    if (g_hash_table_contains(seen, name))
        return 0;
    g_hash_table_add(seen, (gpointer)name);
    for (i = 0; i < def->nentries; i++) {
        const char *ref = def->entries[i].filterref;

        if (ref && testNWFilterCheckChain(st, ref, seen) < 0)
            return -1;
    }
    return 0;
}

static int
testNWFilterCheckBindings(testNWFilterState *st)
{
    size_t i;

    for (i = 0; i < testObjListSize(st->bindings); i++) {
        virNWFilterBindingDef *binding = testObjListAt(st->bindings, i);
        g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash,
                                                      g_str_equal);

        if (testNWFilterCheckChain(st, binding->filter, seen) < 0)
            return -1;
    }
    return 0;
}

static bool
testNWFilterInUse(testNWFilterState *st, const char *name)
{
    size_t i;

    for (i = 0; i < testObjListSize(st->bindings); i++) {
        virNWFilterBindingDef *binding = testObjListAt(st->bindings, i);
        g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash,
                                                      g_str_equal);
        virNWFilterDef *def;

        if (STREQ(binding->filter, name))
            return true;
        if ((def = testObjListFindByName(st->objs, binding->filter)) &&
            testNWFilterReaches(st, def, name, seen))
            return true;
    }
    return false;
}

static bool
testNWFilterDefEqual(const virNWFilterDef *a, const virNWFilterDef *b)
{
    g_autofree char *xa = virNWFilterDefFormat(a);
    g_autofree char *xb = virNWFilterDefFormat(b);

    return xa && xb && STREQ(xa, xb);
}

/* Adds *def (stolen) or replaces the filter of its name and uuid, with
 * upstream's checks.  Answers the definition now in the list. */
static virNWFilterDef *
testNWFilterAssign(testNWFilterState *st, virNWFilterDef **def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    virNWFilterDef *old;

    if ((old = testObjListFindByUUID(st->objs, (*def)->uuid))) {
        if (STRNEQ(old->name, (*def)->name)) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "filter with same UUID but different name "
                           "('%s') already exists", old->name);
            return NULL;
        }
    } else if ((old = testObjListFindByName(st->objs, (*def)->name))) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "filter '%s' already exists with uuid %s",
                       (*def)->name, virUUIDFormat(old->uuid, uuidstr));
        return NULL;
    }

    if (testNWFilterReaches(st, *def, (*def)->name, seen)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "filter would introduce a loop");
        return NULL;
    }

    if (old) {
        bool changed = !testNWFilterDefEqual(old, *def);

        /* A changed filter is applied again to the ports using it; the
         * old one stays when that fails (and *def goes to the caller). */
        testObjListReplace(st->objs, old, *def);
        if (changed && testNWFilterCheckBindings(st) < 0) {
            testObjListReplace(st->objs, *def, old);
            return NULL;
        }
        virNWFilterDefFree(old);
        return g_steal_pointer(def);
    }
    testObjListAdd(st->objs, *def, (*def)->name, (*def)->uuid);
    return g_steal_pointer(def);
}

static int
testNWFilterBindingAdd(testNWFilterState *st, virNWFilterBindingDef **def)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    if (testObjListFindByName(st->bindings, (*def)->portdevname)) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "binding '%s' already exists", (*def)->portdevname);
        return -1;
    }
    if (testNWFilterCheckChain(st, (*def)->filter, seen) < 0)
        return -1;
    testObjListAdd(st->bindings, *def, (*def)->portdevname, NULL);
    *def = NULL;
    return 0;
}

static virNWFilterBindingDef *
testNWFilterBindingFind(testNWFilterState *st, const char *portdev)
{
    virNWFilterBindingDef *def = testObjListFindByName(st->bindings,
                                                       portdev);

    if (!def)
        virReportError(VIR_ERR_NO_NWFILTER_BINDING,
                       "no nwfilter binding for port dev '%s'", portdev);
    return def;
}

/* ---- Loading ---- */

int
testNWFilterLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

/* The text of a node file's element, for the string parsers. */
static char *
testNWFilterNodeText(xmlNodePtr node)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virXMLFormatNode(&buf, node);
    return virBufferContentAndReset(&buf);
}

int
testNWFilterLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    testNWFilterState *st = driver->nwfilters;
    TEST_OBJLIST_LOCK(st->objs);
    g_autofree xmlNodePtr *filters = NULL;
    g_autofree xmlNodePtr *bindings = NULL;
    size_t nfilters = virXMLChildren(root, "filter", &filters);
    size_t nbindings = virXMLChildren(root, "filterbinding", &bindings);
    size_t i;

    for (i = 0; i < nfilters; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virNWFilterDef) def = NULL;
        g_autofree char *xml = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(filters[i], path, "filter", &doc)) ||
            !(xml = testNWFilterNodeText(node)) ||
            !(def = virNWFilterDefParseString(xml, 0)) ||
            !testNWFilterAssign(st, &def)) {
            testFileErrorContext(path, "filter", i);
            return -1;
        }
    }
    for (i = 0; i < nbindings; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virNWFilterBindingDef) def = NULL;
        g_autofree char *xml = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(bindings[i], path, "filterbinding",
                                     &doc)) ||
            !(xml = testNWFilterNodeText(node)) ||
            !(def = virNWFilterBindingDefParseString(xml, 0)) ||
            testNWFilterBindingAdd(st, &def) < 0) {
            testFileErrorContext(path, "filterbinding", i);
            return -1;
        }
    }
    return 0;
}

/* ---- Filters ---- */

static virNWFilterPtr
testNWFilterLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    TEST_NWFILTER_LOCK(conn);
    virNWFilterDef *def = testNWFilterFindByUUID(st, uuid);

    return def ? virGetNWFilter(conn, def->name, def->uuid) : NULL;
}

static virNWFilterPtr
testNWFilterLookupByName(virConnectPtr conn, const char *name)
{
    TEST_NWFILTER_LOCK(conn);
    virNWFilterDef *def = testObjListGetByName(st->objs, name,
                                               VIR_FROM_THIS,
                                               VIR_ERR_NO_NWFILTER,
                                               "nwfilter");

    return def ? virGetNWFilter(conn, def->name, def->uuid) : NULL;
}

static const char *
testNWFilterName(void *def)
{
    return ((virNWFilterDef *)def)->name;
}

static int
testConnectNumOfNWFilters(virConnectPtr conn)
{
    TEST_NWFILTER_LOCK(conn);

    return testObjListCount(st->objs, NULL, NULL);
}

static int
testConnectListNWFilters(virConnectPtr conn, char **const names,
                         int maxnames)
{
    TEST_NWFILTER_LOCK(conn);

    return testObjListNames(st->objs, NULL, NULL, testNWFilterName, names,
                            maxnames);
}

static void *
testNWFilterPublic(virConnectPtr conn, void *obj)
{
    virNWFilterDef *def = obj;

    return virGetNWFilter(conn, def->name, def->uuid);
}

static int
testConnectListAllNWFilters(virConnectPtr conn, virNWFilterPtr **filters,
                            unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_NWFILTER_LOCK(conn);

        return testObjListExport(st->objs, conn, NULL, NULL,
                                 testNWFilterPublic, (void ***)filters);
    }
}

static virNWFilterPtr
testNWFilterDefineXMLFlags(virConnectPtr conn, const char *xml,
                           unsigned int flags)
{
    g_autoptr(virNWFilterDef) def = NULL;
    virNWFilterDef *added;

    virCheckFlags(VIR_NWFILTER_DEFINE_VALIDATE, NULL);
    {
        TEST_NWFILTER_LOCK(conn);

        if (!(def = virNWFilterDefParseString(
                  xml, (flags & VIR_NWFILTER_DEFINE_VALIDATE) ?
                           VIR_NWFILTER_PARSE_VALIDATE : 0)) ||
            !(added = testNWFilterAssign(st, &def)))
            return NULL;
        return virGetNWFilter(conn, added->name, added->uuid);
    }
}

static virNWFilterPtr
testNWFilterDefineXML(virConnectPtr conn, const char *xml)
{
    return testNWFilterDefineXMLFlags(conn, xml, 0);
}

static int
testNWFilterUndefine(virNWFilterPtr obj)
{
    TEST_NWFILTER_LOCK(obj->conn);
    virNWFilterDef *def = testNWFilterFindByUUID(st, obj->uuid);

    if (!def)
        return -1;
    if (testNWFilterInUse(st, def->name)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "nwfilter is in use");
        return -1;
    }
    testObjListRemove(st->objs, def);
    return 0;
}

static char *
testNWFilterGetXMLDesc(virNWFilterPtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_NWFILTER_LOCK(obj->conn);
        virNWFilterDef *def = testNWFilterFindByUUID(st, obj->uuid);

        return def ? virNWFilterDefFormat(def) : NULL;
    }
}

/* ---- Bindings ---- */

static virNWFilterBindingPtr
testNWFilterBindingLookupByPortDev(virConnectPtr conn, const char *portdev)
{
    TEST_NWFILTER_LOCK(conn);
    virNWFilterBindingDef *def = testNWFilterBindingFind(st, portdev);

    return def ? virGetNWFilterBinding(conn, def->portdevname, def->filter)
               : NULL;
}

static void *
testNWFilterBindingPublic(virConnectPtr conn, void *obj)
{
    virNWFilterBindingDef *def = obj;

    return virGetNWFilterBinding(conn, def->portdevname, def->filter);
}

static int
testConnectListAllNWFilterBindings(virConnectPtr conn,
                                   virNWFilterBindingPtr **bindings,
                                   unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_NWFILTER_LOCK(conn);

        return testObjListExport(st->bindings, conn, NULL, NULL,
                                 testNWFilterBindingPublic,
                                 (void ***)bindings);
    }
}

static virNWFilterBindingPtr
testNWFilterBindingCreateXML(virConnectPtr conn, const char *xml,
                             unsigned int flags)
{
    g_autoptr(virNWFilterBindingDef) def = NULL;
    virNWFilterBindingPtr ret;

    virCheckFlags(VIR_NWFILTER_BINDING_CREATE_VALIDATE, NULL);
    {
        TEST_NWFILTER_LOCK(conn);

        if (!(def = virNWFilterBindingDefParseString(
                  xml, (flags & VIR_NWFILTER_BINDING_CREATE_VALIDATE) ?
                           VIR_NWFILTER_BINDING_PARSE_VALIDATE : 0)))
            return NULL;
        ret = virGetNWFilterBinding(conn, def->portdevname, def->filter);
        if (testNWFilterBindingAdd(st, &def) < 0) {
            virObjectUnref(ret);
            return NULL;
        }
        return ret;
    }
}

static int
testNWFilterBindingDelete(virNWFilterBindingPtr binding)
{
    TEST_NWFILTER_LOCK(binding->conn);
    virNWFilterBindingDef *def = testNWFilterBindingFind(st,
                                                         binding->portdev);

    if (!def)
        return -1;
    testObjListRemove(st->bindings, def);
    return 0;
}

static char *
testNWFilterBindingGetXMLDesc(virNWFilterBindingPtr binding,
                              unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_NWFILTER_LOCK(binding->conn);
        virNWFilterBindingDef *def = testNWFilterBindingFind(
            st, binding->portdev);

        return def ? virNWFilterBindingDefFormat(def) : NULL;
    }
}

virNWFilterDriver testNWFilterDriver = {
    .name = "Test",
    .connectNumOfNWFilters = testConnectNumOfNWFilters,
    .connectListNWFilters = testConnectListNWFilters,
    .connectListAllNWFilters = testConnectListAllNWFilters,
    .nwfilterLookupByName = testNWFilterLookupByName,
    .nwfilterLookupByUUID = testNWFilterLookupByUUID,
    .nwfilterDefineXML = testNWFilterDefineXML,
    .nwfilterDefineXMLFlags = testNWFilterDefineXMLFlags,
    .nwfilterUndefine = testNWFilterUndefine,
    .nwfilterGetXMLDesc = testNWFilterGetXMLDesc,
    .nwfilterBindingLookupByPortDev = testNWFilterBindingLookupByPortDev,
    .connectListAllNWFilterBindings = testConnectListAllNWFilterBindings,
    .nwfilterBindingGetXMLDesc = testNWFilterBindingGetXMLDesc,
    .nwfilterBindingCreateXML = testNWFilterBindingCreateXML,
    .nwfilterBindingDelete = testNWFilterBindingDelete,
};
