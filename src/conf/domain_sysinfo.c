/*
 * domain_sysinfo.c: <sysinfo type='smbios'> and <sysinfo type='fwcfg'>.
 *
 * SMBIOS tables are lists of <entry name='...'> whose names depend on the
 * table; a table without any known entry is dropped, as upstream does.
 * A system uuid entry must match the domain's <uuid> (or becomes it when
 * the document has none).
 */
#include "domain_sysinfo.h"
#include "device_info.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virSysinfo, VIR_SYSINFO_LAST, "smbios", "fwcfg");

static const char *const biosNames[] = {
    "vendor", "version", "date", "release",
};
static const char *const systemNames[] = {
    "manufacturer", "product", "version", "serial", "uuid", "sku", "family",
};
static const char *const baseBoardNames[] = {
    "manufacturer", "product", "version", "serial", "asset", "location",
};
static const char *const chassisNames[] = {
    "manufacturer", "version", "serial", "asset", "sku",
};

static void
virSysinfoTableFree(virSysinfoTable *table)
{
    size_t i;

    if (!table)
        return;
    for (i = 0; i < table->nnames; i++)
        g_free(table->values[i]);
    g_free(table->values);
    g_free(table);
}

static void
virSysinfoDefFree(virSysinfoDef *def)
{
    size_t i;

    if (!def)
        return;
    virSysinfoTableFree(def->bios);
    virSysinfoTableFree(def->system);
    for (i = 0; i < def->nbaseBoards; i++)
        virSysinfoTableFree(def->baseBoards[i]);
    g_free(def->baseBoards);
    virSysinfoTableFree(def->chassis);
    g_strfreev(def->oemStrings);
    for (i = 0; i < def->nfwcfgs; i++) {
        g_free(def->fwcfgs[i].name);
        g_free(def->fwcfgs[i].value);
        g_free(def->fwcfgs[i].file);
    }
    g_free(def->fwcfgs);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSysinfoDef, virSysinfoDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSysinfoTable, virSysinfoTableFree);

virDomainSysinfoSection *
virDomainSysinfoNew(void)
{
    return g_new0(virDomainSysinfoSection, 1);
}

void
virDomainSysinfoFree(virDomainSysinfoSection *part)
{
    size_t i;

    if (!part)
        return;
    for (i = 0; i < part->ndefs; i++)
        virSysinfoDefFree(part->defs[i]);
    g_free(part->defs);
    g_free(part);
}

/* ---- Parsing ---- */

/* Reads a table's entries: for each name the first entry carrying it;
 * an empty entry counts as absent.  NULL in *result when none is set. */
static void
virSysinfoTableParse(xmlNodePtr node, const char *const *names,
                     size_t nnames, virSysinfoTable **result)
{
    g_autoptr(virSysinfoTable) table = g_new0(virSysinfoTable, 1);
    g_autofree xmlNodePtr *entries = NULL;
    size_t n = virXMLChildren(node, "entry", &entries);
    bool any = false;
    size_t i;
    size_t j;

    table->names = names;
    table->nnames = nnames;
    table->values = g_new0(char *, nnames);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(entries[i], "name");

        for (j = 0; name && j < nnames; j++) {
            if (STRNEQ(name, names[j]) || table->values[j])
                continue;
            table->values[j] = virXMLNodeContent(entries[i]);
            if (!*table->values[j])
                g_clear_pointer(&table->values[j], g_free);
            any |= table->values[j] != NULL;
            break;
        }
    }
    *result = any ? g_steal_pointer(&table) : NULL;
}

static int
virSysinfoCheckBIOSDate(const char *date)
{
    char *ptr;
    int month;
    int day;
    int year;

    /* mm/dd/yyyy, or mm/dd/yy for 19yy */
    if (virStrToLong_i(date, &ptr, 10, &month) < 0 || *ptr != '/' ||
        virStrToLong_i(ptr + 1, &ptr, 10, &day) < 0 || *ptr != '/' ||
        virStrToLong_i(ptr + 1, &ptr, 10, &year) < 0 || *ptr != '\0' ||
        month < 1 || month > 12 || day < 1 || day > 31 ||
        year < 0 || (year >= 100 && year < 1900)) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Invalid BIOS 'date' format");
        return -1;
    }
    return 0;
}

static int
virSysinfoCheckSystemUUID(virSysinfoTable *system, xmlNodePtr root,
                          virDomainDef *def)
{
    char **uuid = &system->values[4];
    unsigned char buf[VIR_UUID_BUFLEN];
    char str[VIR_UUID_STRING_BUFLEN];

    if (!*uuid)
        return 0;
    if (virUUIDParse(*uuid, buf) < 0) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "malformed <sysinfo> uuid element");
        return -1;
    }
    /* without <uuid> the domain takes this one */
    if (virXMLChildCount(root, "uuid") == 0) {
        memcpy(def->uuid, buf, VIR_UUID_BUFLEN);
    } else if (memcmp(def->uuid, buf, VIR_UUID_BUFLEN) != 0) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "UUID mismatch between <uuid> and <sysinfo>");
        return -1;
    }
    g_free(*uuid);
    *uuid = g_strdup(virUUIDFormat(buf, str));
    return 0;
}

static int
virSysinfoParseSMBIOS(xmlNodePtr node, xmlNodePtr root, virDomainDef *dom,
                      virSysinfoDef *def)
{
    xmlNodePtr child;
    g_autofree xmlNodePtr *boards = NULL;
    size_t n;
    size_t i;

    if ((child = virXMLChild(node, "bios"))) {
        virSysinfoTableParse(child, biosNames, G_N_ELEMENTS(biosNames),
                             &def->bios);
        if (def->bios && def->bios->values[2] &&
            virSysinfoCheckBIOSDate(def->bios->values[2]) < 0)
            return -1;
    }
    if ((child = virXMLChild(node, "system"))) {
        virSysinfoTableParse(child, systemNames, G_N_ELEMENTS(systemNames),
                             &def->system);
        if (def->system &&
            virSysinfoCheckSystemUUID(def->system, root, dom) < 0)
            return -1;
    }
    n = virXMLChildren(node, "baseBoard", &boards);
    def->baseBoards = g_new0(virSysinfoTable *, n + 1);
    for (i = 0; i < n; i++) {
        virSysinfoTable *board;

        virSysinfoTableParse(boards[i], baseBoardNames,
                             G_N_ELEMENTS(baseBoardNames), &board);
        if (board)
            def->baseBoards[def->nbaseBoards++] = board;
    }
    if ((child = virXMLChild(node, "chassis")))
        virSysinfoTableParse(child, chassisNames, G_N_ELEMENTS(chassisNames),
                             &def->chassis);
    if ((child = virXMLChild(node, "oemStrings"))) {
        g_autofree xmlNodePtr *entries = NULL;

        n = virXMLChildren(child, "entry", &entries);
        if (n > 0) {
            def->oemStrings = g_new0(char *, n + 1);
            for (i = 0; i < n; i++)
                def->oemStrings[i] = virXMLNodeContent(entries[i]);
        }
    }
    return 0;
}

static int
virSysinfoParseFWCfg(xmlNodePtr node, virSysinfoDef *def)
{
    g_autofree xmlNodePtr *entries = NULL;
    size_t n = virXMLChildren(node, "entry", &entries);
    size_t i;

    if (n)
        def->fwcfgs = g_new0(virSysinfoFWCfg, n);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(entries[i], "name");
        g_autofree char *value = NULL;
        g_autofree char *file = NULL;

        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Firmware entry is missing 'name' attribute");
            return -1;
        }
        value = virXMLNodeContent(entries[i]);
        file = virXMLPropString(entries[i], "file");
        if (!*value)
            g_clear_pointer(&value, g_free);
        if (!value && !file) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Firmware entry must have either value or 'file' attribute");
            return -1;
        }
        def->fwcfgs[i].name = g_steal_pointer(&name);
        def->fwcfgs[i].value = g_steal_pointer(&value);
        if (file)
            def->fwcfgs[i].file = virDomainSanitizePath(file);
        def->nfwcfgs++;
    }
    return 0;
}

int
virDomainDefSysinfoParseXML(xmlNodePtr root, virDomainDef *def,
                            unsigned int flags G_GNUC_UNUSED)
{
    virDomainSysinfoSection *part = def->sysinfo;
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "sysinfo", &nodes);
    size_t i;

    if (n)
        part->defs = g_new0(virSysinfoDef *, n);
    for (i = 0; i < n; i++) {
        g_autoptr(virSysinfoDef) info = g_new0(virSysinfoDef, 1);
        int type;

        if (virXMLPropEnum(nodes[i], "type", virSysinfoTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0)
            return -1;
        info->type = type;
        if (type == VIR_SYSINFO_SMBIOS) {
            if (virSysinfoParseSMBIOS(nodes[i], root, def, info) < 0)
                return -1;
        } else if (virSysinfoParseFWCfg(nodes[i], info) < 0) {
            return -1;
        }
        part->defs[part->ndefs++] = g_steal_pointer(&info);
    }
    return 0;
}

int
virDomainDefSysinfoPostParse(virDomainDef *def G_GNUC_UNUSED,
                             unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

/* ---- Formatting ---- */

static void
virSysinfoTableFormat(virBuffer *buf, const char *name,
                      const virSysinfoTable *table)
{
    size_t i;

    if (!table)
        return;
    virBufferAsprintf(buf, "<%s>\n", name);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < table->nnames; i++) {
        if (!table->values[i])
            continue;
        virBufferAsprintf(buf, "<entry name='%s'>", table->names[i]);
        virBufferEscapeString(buf, "%s</entry>\n", table->values[i]);
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static void
virSysinfoDefFormat(virBuffer *buf, const virSysinfoDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (def->type == VIR_SYSINFO_SMBIOS) {
        virSysinfoTableFormat(&childBuf, "bios", def->bios);
        virSysinfoTableFormat(&childBuf, "system", def->system);
        for (i = 0; i < def->nbaseBoards; i++)
            virSysinfoTableFormat(&childBuf, "baseBoard", def->baseBoards[i]);
        virSysinfoTableFormat(&childBuf, "chassis", def->chassis);
        if (def->oemStrings) {
            virBufferAddLit(&childBuf, "<oemStrings>\n");
            virBufferAdjustIndent(&childBuf, 2);
            for (i = 0; def->oemStrings[i]; i++)
                virBufferEscapeString(&childBuf, "<entry>%s</entry>\n",
                                      def->oemStrings[i]);
            virBufferAdjustIndent(&childBuf, -2);
            virBufferAddLit(&childBuf, "</oemStrings>\n");
        }
    } else {
        for (i = 0; i < def->nfwcfgs; i++) {
            const virSysinfoFWCfg *f = &def->fwcfgs[i];

            virBufferEscapeString(&childBuf, "<entry name='%s'", f->name);
            if (f->file)
                virBufferEscapeString(&childBuf, " file='%s'/>\n", f->file);
            else
                virBufferEscapeString(&childBuf, ">%s</entry>\n", f->value);
        }
    }
    virBufferAsprintf(&attrBuf, " type='%s'",
                      virSysinfoTypeToString(def->type));
    virXMLFormatElement(buf, "sysinfo", &attrBuf, &childBuf);
}

int
virDomainDefSysinfoFormat(virBuffer *buf, const virDomainDef *def,
                          unsigned int flags G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; i < def->sysinfo->ndefs; i++)
        virSysinfoDefFormat(buf, def->sysinfo->defs[i]);
    return 0;
}
