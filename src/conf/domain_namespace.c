/*
 * domain_namespace.c: driver XML namespaces under <domain>, and the two
 * namespaces Vireo knows: qemu's (<qemu:commandline>, <qemu:capabilities>,
 * <qemu:override>, <qemu:deprecation>) and the test driver's
 * (<test:runstate>, <test:transient>, <test:hasmanagedsave>,
 * <test:domainsnapshot>).  Elements are matched by namespace URI, whatever
 * prefix the document uses; output always uses the namespace's prefix.
 */
#include "domain_namespace.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainQemuNsOverride, VIR_DOMAIN_QEMU_NS_OVERRIDE_LAST,
              "", "string", "signed", "unsigned", "bool", "remove");

/* The number of public virDomainState values (running, shutoff...). */
#define VIR_DOMAIN_TEST_NS_STATES (VIR_DOMAIN_PMSUSPENDED + 1)

static void
virDomainNsAppend(xmlNodePtr **list, size_t *n, xmlNodePtr node)
{
    *list = g_renew(xmlNodePtr, *list, *n + 1);
    (*list)[(*n)++] = node;
}

virDomainNamespaceDef *
virDomainNamespaceNew(void)
{
    return g_new0(virDomainNamespaceDef, 1);
}

static void
virDomainNamespaceDropPending(virDomainNamespaceDef *part)
{
    size_t i;

    for (i = 0; i < part->npending; i++)
        virXMLNodeFreeDetached(part->pending[i]);
    g_clear_pointer(&part->pending, g_free);
    part->npending = 0;
}

void
virDomainNamespaceFree(virDomainNamespaceDef *part)
{
    if (!part)
        return;
    virDomainNamespaceDropPending(part);
    if (part->ns && part->data)
        part->ns->free(part->data);
    g_free(part);
}

int
virDomainDefNamespaceParseXML(xmlNodePtr root, virDomainDef *def,
                              unsigned int flags G_GNUC_UNUSED)
{
    virDomainNamespaceDef *part = def->ns;
    xmlNodePtr node;

    /* Kept aside until the driver says which namespace it reads. */
    for (node = virXMLFirstElement(root); node;
         node = virXMLNextElement(node)) {
        if (!node->ns || !node->ns->href)
            continue;
        virDomainNsAppend(&part->pending, &part->npending,
                          virXMLNodeCopyDetached(node));
    }
    return 0;
}

int
virDomainDefNamespaceApply(virDomainDef *def, const virDomainXMLNamespace *ns)
{
    virDomainNamespaceDef *part = def->ns;
    g_autofree xmlNodePtr *mine = NULL;
    size_t nmine = 0;
    size_t i;
    int ret = 0;

    if (ns && !part->ns) {
        mine = g_new0(xmlNodePtr, part->npending + 1);
        for (i = 0; i < part->npending; i++) {
            if (xmlStrEqual(part->pending[i]->ns->href, BAD_CAST ns->uri))
                mine[nmine++] = part->pending[i];
        }
        part->ns = ns;
        ret = ns->parse(mine, nmine, &part->data);
    }
    virDomainNamespaceDropPending(part);
    return ret;
}

int
virDomainDefNamespacePostParse(virDomainDef *def G_GNUC_UNUSED,
                               unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefNamespaceFormat(virBuffer *buf, const virDomainDef *def,
                            unsigned int flags G_GNUC_UNUSED)
{
    const virDomainNamespaceDef *part = def->ns;

    if (!part->ns || !part->data || !part->ns->format)
        return 0;
    return part->ns->format(buf, part->data);
}

void
virDomainDefNamespaceFormatRootAttrs(virBuffer *buf, const virDomainDef *def)
{
    const virDomainNamespaceDef *part = def->ns;

    if (!part->ns || !part->data || !part->ns->format)
        return;
    virBufferAsprintf(buf, " xmlns:%s='%s'", part->ns->prefix, part->ns->uri);
}

/* ---- Helpers ---- */

static bool
virDomainNsNodeIs(xmlNodePtr node, const char *uri, const char *name)
{
    return node->ns && xmlStrEqual(node->ns->href, BAD_CAST uri) &&
           xmlStrEqual(node->name, BAD_CAST name);
}

/* The children of the nodes (or the nodes themselves when parentName is
 * NULL) called name in uri, in document order. */
static size_t
virDomainNsCollect(xmlNodePtr *nodes, size_t nnodes, const char *uri,
                   const char *parentName, const char *name,
                   xmlNodePtr **result)
{
    size_t n = 0;
    size_t i;
    xmlNodePtr child;

    *result = NULL;
    for (i = 0; i < nnodes; i++) {
        if (!parentName) {
            if (virDomainNsNodeIs(nodes[i], uri, name))
                virDomainNsAppend(result, &n, nodes[i]);
            continue;
        }
        if (!virDomainNsNodeIs(nodes[i], uri, parentName))
            continue;
        for (child = virXMLFirstElement(nodes[i]); child;
             child = virXMLNextElement(child)) {
            if (virDomainNsNodeIs(child, uri, name))
                virDomainNsAppend(result, &n, child);
        }
    }
    return n;
}

/* ---- qemu ---- */

#define QEMU_NS_URI "http://libvirt.org/schemas/domain/qemu/1.0"

static void
virDomainQemuNsFree(void *opaque)
{
    virDomainQemuNsDef *def = opaque;
    size_t i;
    size_t j;

    if (!def)
        return;
    g_strfreev(def->args);
    for (i = 0; i < def->nenv; i++) {
        g_free(def->env[i].name);
        g_free(def->env[i].value);
    }
    g_free(def->env);
    g_strfreev(def->capsadd);
    g_strfreev(def->capsdel);
    for (i = 0; i < def->noverrides; i++) {
        virDomainQemuNsDeviceOverride *dev = &def->overrides[i];

        g_free(dev->alias);
        for (j = 0; j < dev->nfrontend; j++) {
            g_free(dev->frontend[j].name);
            g_free(dev->frontend[j].value);
        }
        g_free(dev->frontend);
    }
    g_free(def->overrides);
    g_free(def->deprecationBehavior);
    g_free(def);
}

/* Each node's attribute attr into a NULL terminated list; errmsg when
 * one lacks it. */
static int
virDomainQemuNsStrings(xmlNodePtr *nodes, size_t n, const char *attr,
                       const char *errmsg, char ***result)
{
    size_t i;

    if (n == 0)
        return 0;
    *result = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (!((*result)[i] = virXMLPropString(nodes[i], attr))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", errmsg);
            return -1;
        }
    }
    return 0;
}

static int
virDomainQemuNsCheckEnvName(const char *name)
{
    if (!name) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No qemu environment name specified");
        return -1;
    }
    if (!g_ascii_isalpha(name[0]) && name[0] != '_') {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid environment name, it must begin with a letter or underscore");
        return -1;
    }
    if (strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                     "0123456789_") != strlen(name)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid environment name, it must contain only alphanumerics and underscore");
        return -1;
    }
    return 0;
}

static int
virDomainQemuNsParseProperty(xmlNodePtr node, virDomainQemuNsProperty *prop)
{
    long long ll;
    unsigned long long ull;
    int type;

    if (!(prop->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'name' attribute for qemu:property");
        return -1;
    }
    if (STREQ(prop->name, "id")) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "property with name 'id' can't be overridden");
        return -1;
    }
    if (virXMLPropEnum(node, "type", virDomainQemuNsOverrideTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &type) < 0)
        return -1;
    prop->type = type;
    prop->value = virXMLPropString(node, "value");
    if (!prop->value && type != VIR_DOMAIN_QEMU_NS_OVERRIDE_REMOVE) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'value' attribute for 'qemu:property'");
        return -1;
    }

    switch ((virDomainQemuNsOverrideType) type) {
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_SIGNED:
        if (virStrToLong_ll(prop->value, NULL, 10, &ll) < 0)
            goto badvalue;
        break;
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_UNSIGNED:
        if (virStrToLong_ullp(prop->value, NULL, 10, &ull) < 0)
            goto badvalue;
        break;
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_BOOL:
        if (STRNEQ(prop->value, "true") && STRNEQ(prop->value, "false"))
            goto badvalue;
        break;
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_REMOVE:
        if (prop->value) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "setting 'value' attribute of 'qemu:property' doesn't make sense with 'remove' type");
            return -1;
        }
        break;
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_STRING:
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_NONE:
    case VIR_DOMAIN_QEMU_NS_OVERRIDE_LAST:
        break;
    }
    return 0;

 badvalue:
    virReportError(VIR_ERR_XML_ERROR,
                   "invalid value '%s' of 'value' attribute of 'qemu:property'",
                   prop->value);
    return -1;
}

static int
virDomainQemuNsParseOverrides(xmlNodePtr *nodes, size_t nnodes,
                              virDomainQemuNsDef *def)
{
    g_autofree xmlNodePtr *devices = NULL;
    size_t n = virDomainNsCollect(nodes, nnodes, QEMU_NS_URI, "override",
                                  "device", &devices);
    size_t i;
    size_t j;

    if (n == 0)
        return 0;
    def->overrides = g_new0(virDomainQemuNsDeviceOverride, n);
    def->noverrides = n;
    for (i = 0; i < n; i++) {
        virDomainQemuNsDeviceOverride *dev = &def->overrides[i];
        g_autofree xmlNodePtr *frontends = NULL;
        g_autofree xmlNodePtr *props = NULL;
        size_t nfront;
        size_t nprops;

        if (!(dev->alias = virXMLPropString(devices[i], "alias"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'alias' attribute for qemu:device");
            return -1;
        }
        nfront = virDomainNsCollect(&devices[i], 1, QEMU_NS_URI, "device",
                                    "frontend", &frontends);
        nprops = virDomainNsCollect(frontends, nfront, QEMU_NS_URI,
                                    "frontend", "property", &props);
        if (nprops == 0)
            continue;
        dev->frontend = g_new0(virDomainQemuNsProperty, nprops);
        dev->nfrontend = nprops;
        for (j = 0; j < nprops; j++) {
            if (virDomainQemuNsParseProperty(props[j], &dev->frontend[j]) < 0)
                return -1;
        }
    }
    return 0;
}

static int
virDomainQemuNsParse(xmlNodePtr *nodes, size_t nnodes, void **data)
{
    virDomainQemuNsDef *def = g_new0(virDomainQemuNsDef, 1);
    g_autofree xmlNodePtr *args = NULL;
    g_autofree xmlNodePtr *envs = NULL;
    g_autofree xmlNodePtr *adds = NULL;
    g_autofree xmlNodePtr *dels = NULL;
    g_autofree xmlNodePtr *deprecation = NULL;
    size_t nargs = virDomainNsCollect(nodes, nnodes, QEMU_NS_URI,
                                      "commandline", "arg", &args);
    size_t nenvs = virDomainNsCollect(nodes, nnodes, QEMU_NS_URI,
                                      "commandline", "env", &envs);
    size_t nadds = virDomainNsCollect(nodes, nnodes, QEMU_NS_URI,
                                      "capabilities", "add", &adds);
    size_t ndels = virDomainNsCollect(nodes, nnodes, QEMU_NS_URI,
                                      "capabilities", "del", &dels);
    size_t i;

    if (virDomainQemuNsStrings(args, nargs, "value",
                               "No qemu command-line argument specified",
                               &def->args) < 0)
        goto error;
    if (nenvs)
        def->env = g_new0(virDomainQemuNsEnv, nenvs);
    for (i = 0; i < nenvs; i++) {
        def->env[i].name = virXMLPropString(envs[i], "name");
        def->env[i].value = virXMLPropString(envs[i], "value");
        def->nenv++;
        if (virDomainQemuNsCheckEnvName(def->env[i].name) < 0)
            goto error;
    }
    if (virDomainQemuNsParseOverrides(nodes, nnodes, def) < 0 ||
        virDomainQemuNsStrings(adds, nadds, "capability",
                               "missing capability name",
                               &def->capsadd) < 0 ||
        virDomainQemuNsStrings(dels, ndels, "capability",
                               "missing capability name",
                               &def->capsdel) < 0)
        goto error;
    if (virDomainNsCollect(nodes, nnodes, QEMU_NS_URI, NULL, "deprecation",
                           &deprecation) > 0) {
        def->deprecationBehavior = virXMLPropString(deprecation[0],
                                                    "behavior");
        if (def->deprecationBehavior && !*def->deprecationBehavior)
            g_clear_pointer(&def->deprecationBehavior, g_free);
    }

    if (def->args || def->nenv || def->capsadd || def->capsdel ||
        def->deprecationBehavior || def->noverrides) {
        *data = def;
        return 0;
    }
    virDomainQemuNsFree(def);
    return 0;

 error:
    virDomainQemuNsFree(def);
    return -1;
}

static int
virDomainQemuNsFormat(virBuffer *buf, const void *opaque)
{
    const virDomainQemuNsDef *def = opaque;
    g_auto(virBuffer) cmdBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) capsBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) overBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;
    size_t j;

    for (i = 0; def->args && def->args[i]; i++)
        virBufferEscapeString(&cmdBuf, "<qemu:arg value='%s'/>\n",
                              def->args[i]);
    for (i = 0; i < def->nenv; i++) {
        virBufferEscapeString(&cmdBuf, "<qemu:env name='%s'",
                              def->env[i].name);
        virBufferEscapeString(&cmdBuf, " value='%s'", def->env[i].value);
        virBufferAddLit(&cmdBuf, "/>\n");
    }
    virXMLFormatElement(buf, "qemu:commandline", NULL, &cmdBuf);

    for (i = 0; def->capsadd && def->capsadd[i]; i++)
        virBufferEscapeString(&capsBuf, "<qemu:add capability='%s'/>\n",
                              def->capsadd[i]);
    for (i = 0; def->capsdel && def->capsdel[i]; i++)
        virBufferEscapeString(&capsBuf, "<qemu:del capability='%s'/>\n",
                              def->capsdel[i]);
    virXMLFormatElement(buf, "qemu:capabilities", NULL, &capsBuf);

    for (i = 0; i < def->noverrides; i++) {
        const virDomainQemuNsDeviceOverride *dev = &def->overrides[i];
        g_auto(virBuffer) devAttr = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) devChild = VIR_BUFFER_INIT_CHILD(&overBuf);
        g_auto(virBuffer) frontChild = VIR_BUFFER_INIT_CHILD(&devChild);

        virBufferEscapeString(&devAttr, " alias='%s'", dev->alias);
        for (j = 0; j < dev->nfrontend; j++) {
            const virDomainQemuNsProperty *prop = &dev->frontend[j];
            g_auto(virBuffer) propAttr = VIR_BUFFER_INITIALIZER;

            virBufferEscapeString(&propAttr, " name='%s'", prop->name);
            virBufferAsprintf(&propAttr, " type='%s'",
                              virDomainQemuNsOverrideTypeToString(prop->type));
            virBufferEscapeString(&propAttr, " value='%s'", prop->value);
            virXMLFormatElement(&frontChild, "qemu:property", &propAttr, NULL);
        }
        virXMLFormatElement(&devChild, "qemu:frontend", NULL, &frontChild);
        virXMLFormatElement(&overBuf, "qemu:device", &devAttr, &devChild);
    }
    virXMLFormatElement(buf, "qemu:override", NULL, &overBuf);

    virBufferEscapeString(buf, "<qemu:deprecation behavior='%s'/>\n",
                          def->deprecationBehavior);
    return 0;
}

const virDomainXMLNamespace virDomainQemuXMLNamespace = {
    .prefix = "qemu",
    .uri = QEMU_NS_URI,
    .parse = virDomainQemuNsParse,
    .free = virDomainQemuNsFree,
    .format = virDomainQemuNsFormat,
};

/* ---- test ---- */

#define TEST_NS_URI "http://libvirt.org/schemas/domain/test/1.0"

static void
virDomainTestNsFree(void *opaque)
{
    virDomainTestNsDef *def = opaque;
    size_t i;

    if (!def)
        return;
    for (i = 0; i < def->nsnapshots; i++)
        virXMLNodeFreeDetached(def->snapshots[i]);
    g_free(def->snapshots);
    g_free(def);
}

/* The test namespace belongs to the test driver, whose error domain
 * upstream reports its mistakes in. */
#define virReportTestNsError(...) \
    virReportErrorHelper(VIR_FROM_TEST, VIR_ERR_XML_ERROR, __FILE__, \
                         __func__, __LINE__, __VA_ARGS__)

static int
virDomainTestNsParse(xmlNodePtr *nodes, size_t nnodes, void **data)
{
    virDomainTestNsDef *def = g_new0(virDomainTestNsDef, 1);
    g_autofree xmlNodePtr *found = NULL;
    size_t n;
    size_t i;

    n = virDomainNsCollect(nodes, nnodes, TEST_NS_URI, NULL,
                           "domainsnapshot", &found);
    if (n)
        def->snapshots = g_new0(xmlNodePtr, n);
    for (i = 0; i < n; i++)
        def->snapshots[def->nsnapshots++] = virXMLNodeCopyDetached(found[i]);
    g_clear_pointer(&found, g_free);

    def->transient = virDomainNsCollect(nodes, nnodes, TEST_NS_URI, NULL,
                                        "transient", &found) > 0;
    g_clear_pointer(&found, g_free);
    def->hasManagedSave = virDomainNsCollect(nodes, nnodes, TEST_NS_URI, NULL,
                                             "hasmanagedsave", &found) > 0;
    g_clear_pointer(&found, g_free);

    def->runstate = VIR_DOMAIN_RUNNING;
    if (virDomainNsCollect(nodes, nnodes, TEST_NS_URI, NULL, "runstate",
                           &found) > 0) {
        g_autofree char *str = virXMLNodeContent(found[0]);
        unsigned int val;

        /* an empty element counts as absent */
        if (*str) {
            if (virStrToLong_ui(str, NULL, 10, &val) < 0) {
                virReportTestNsError("%s", "invalid runstate");
                goto error;
            }
            if (val >= VIR_DOMAIN_TEST_NS_STATES) {
                virReportTestNsError("runstate '%d' out of range'",
                                     (int)val);
                goto error;
            }
            def->runstate = val;
        }
    }

    if (def->transient && def->runstate == VIR_DOMAIN_SHUTOFF) {
        virReportTestNsError("%s", "transient domain cannot have "
                             "runstate 'shutoff'");
        goto error;
    }
    if (def->hasManagedSave && def->runstate != VIR_DOMAIN_SHUTOFF) {
        virReportTestNsError("%s", "domain with managedsave data can only "
                             "have runstate 'shutoff'");
        goto error;
    }
    /* upstream always keeps the test data, even when empty */
    *data = def;
    return 0;

 error:
    virDomainTestNsFree(def);
    return -1;
}

const virDomainXMLNamespace virDomainTestXMLNamespace = {
    .prefix = "test",
    .uri = TEST_NS_URI,
    .parse = virDomainTestNsParse,
    .free = virDomainTestNsFree,
    .format = NULL, /* the test driver never writes its namespace back */
};
