/*
 * netdev_bandwidth.c: parsing and formatting <bandwidth>.
 *
 * Rates are plain unsigned numbers (no units).  A rate element needs an
 * average or a floor; peak and burst only make sense with an average.
 */
#include "netdev_bandwidth.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NONE

void
virNetDevBandwidthFree(virNetDevBandwidth *def)
{
    if (!def)
        return;
    g_free(def->in);
    g_free(def->out);
    g_free(def);
}

/* Reads one optional numeric attribute of a rate element. */
static int
virNetDevBandwidthParseValue(const char *name, const char *value,
                             unsigned long long *result)
{
    if (!value)
        return 0;
    if (virStrToLong_ullp(value, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "could not convert bandwidth %s value '%s'",
                       name, value);
        return -1;
    }
    return 0;
}

static int
virNetDevBandwidthParseRate(xmlNodePtr node, virNetDevBandwidthRate *rate)
{
    g_autofree char *average = virXMLPropString(node, "average");
    g_autofree char *peak = virXMLPropString(node, "peak");
    g_autofree char *burst = virXMLPropString(node, "burst");
    g_autofree char *floor = virXMLPropString(node, "floor");

    if (average) {
        if (virNetDevBandwidthParseValue("average", average,
                                         &rate->average) < 0)
            return -1;
    } else if (!floor) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Missing mandatory average or floor attributes");
        return -1;
    }

    if ((peak || burst) && !average) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "'peak' and 'burst' require 'average' attribute");
        return -1;
    }

    if (virNetDevBandwidthParseValue("peak", peak, &rate->peak) < 0 ||
        virNetDevBandwidthParseValue("burst", burst, &rate->burst) < 0 ||
        virNetDevBandwidthParseValue("floor", floor, &rate->floor) < 0)
        return -1;
    return 0;
}

/* Each direction may be given once at most. */
static int
virNetDevBandwidthCheckSingle(xmlNodePtr node, const char *name)
{
    if (virXMLChildCount(node, name) > 1) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Only one child <%s> element allowed", name);
        return -1;
    }
    return 0;
}

/* Parses the optional <inbound> or <outbound> child into *rate; a floor
 * there is refused with floorError unless that is NULL. */
static int
virNetDevBandwidthParseDirection(xmlNodePtr node, const char *name,
                                 const char *floorError,
                                 virNetDevBandwidthRate **rate)
{
    xmlNodePtr child = virXMLChild(node, name);

    if (!child)
        return 0;
    *rate = g_new0(virNetDevBandwidthRate, 1);
    if (virNetDevBandwidthParseRate(child, *rate) < 0)
        return -1;
    if ((*rate)->floor && floorError) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", floorError);
        return -1;
    }
    return 0;
}

int
virNetDevBandwidthParse(virNetDevBandwidth **bandwidth,
                        unsigned int *class_id,
                        xmlNodePtr node,
                        bool allowFloor)
{
    g_autoptr(virNetDevBandwidth) def = g_new0(virNetDevBandwidth, 1);
    g_autofree char *classid = virXMLPropString(node, "classID");

    if (classid) {
        if (!class_id) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "classID attribute not supported on <bandwidth> "
                           "in this usage context");
            return -1;
        }
        if (virStrToLong_ui(classid, NULL, 10, class_id) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Unable to parse class id '%s'", classid);
            return -1;
        }
    }

    if (virNetDevBandwidthCheckSingle(node, "inbound") < 0 ||
        virNetDevBandwidthCheckSingle(node, "outbound") < 0)
        return -1;
    if (virNetDevBandwidthParseDirection(node, "inbound",
                                         allowFloor ? NULL :
                                         "floor attribute is not supported "
                                         "for this config", &def->in) < 0 ||
        virNetDevBandwidthParseDirection(node, "outbound",
                                         "'floor' attribute allowed only in "
                                         "<inbound> element", &def->out) < 0)
        return -1;

    if (def->in || def->out)
        *bandwidth = g_steal_pointer(&def);
    return 0;
}

/* A rate with neither average nor floor is dropped, as upstream does
 * (its parent <bandwidth> is still written). */
static void
virNetDevBandwidthRateFormat(const virNetDevBandwidthRate *rate,
                             virBuffer *buf, const char *name)
{
    if (!rate || !(rate->average || rate->floor))
        return;

    virBufferAsprintf(buf, "<%s", name);
    if (rate->average)
        virBufferAsprintf(buf, " average='%llu'", rate->average);
    if (rate->peak)
        virBufferAsprintf(buf, " peak='%llu'", rate->peak);
    if (rate->floor)
        virBufferAsprintf(buf, " floor='%llu'", rate->floor);
    if (rate->burst)
        virBufferAsprintf(buf, " burst='%llu'", rate->burst);
    virBufferAddLit(buf, "/>\n");
}

void
virNetDevBandwidthFormat(const virNetDevBandwidth *def,
                         unsigned int class_id,
                         virBuffer *buf)
{
    if (!def)
        return;

    virBufferAddLit(buf, "<bandwidth");
    if (class_id)
        virBufferAsprintf(buf, " classID='%u'", class_id);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevBandwidthRateFormat(def->in, buf, "inbound");
    virNetDevBandwidthRateFormat(def->out, buf, "outbound");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bandwidth>\n");
}

bool
virNetDevBandwidthHasFloor(const virNetDevBandwidth *def)
{
    return def && def->in && def->in->floor != 0;
}
