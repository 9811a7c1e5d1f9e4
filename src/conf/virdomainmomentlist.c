/*
 * virdomainmomentlist.c: the tree of a domain's snapshots or checkpoints.
 *
 * Children hang off their parent as a singly linked list (newest first),
 * which makes adding a child, and moving all of a moment's children to
 * another, constant-time.  Walks are iterative, so a long chain of
 * moments cannot exhaust the stack.
 */
#include "virdomainmomentlist.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("conf.virdomainmomentlist");

struct _virDomainMomentList {
    const virDomainMomentDefOps *ops;
    GHashTable *byName;       /* name (owned key) -> virDomainMoment (owned) */
    virDomainMoment root;     /* the parent of every root moment; no def */
    virDomainMoment *current; /* or NULL */
};

static const char *
virDomainMomentDefName(const virDomainMomentList *list, const void *def)
{
    return *(char *const *)((const char *)def + list->ops->nameOffset);
}

static char **
virDomainMomentDefParentName(const virDomainMomentList *list, void *def)
{
    return (char **)((char *)def + list->ops->parentNameOffset);
}

static void
virDomainMomentFree(virDomainMomentList *list, virDomainMoment *moment)
{
    list->ops->free(moment->def);
    g_free(moment);
}

virDomainMomentList *
virDomainMomentListNew(const virDomainMomentDefOps *ops)
{
    virDomainMomentList *list = g_new0(virDomainMomentList, 1);

    list->ops = ops;
    list->byName = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         NULL);
    return list;
}

void
virDomainMomentListFree(virDomainMomentList *list)
{
    GHashTableIter iter;
    gpointer value;

    if (!list)
        return;
    g_hash_table_iter_init(&iter, list->byName);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        virDomainMomentFree(list, value);
    g_hash_table_destroy(list->byName);
    g_free(list);
}

size_t
virDomainMomentListSize(const virDomainMomentList *list)
{
    return list ? g_hash_table_size(list->byName) : 0;
}

virDomainMoment *
virDomainMomentListFind(const virDomainMomentList *list, const char *name)
{
    if (!list || !name)
        return NULL;
    return g_hash_table_lookup(list->byName, name);
}

virDomainMoment *
virDomainMomentListGetCurrent(const virDomainMomentList *list)
{
    return list ? list->current : NULL;
}

void
virDomainMomentListSetCurrent(virDomainMomentList *list,
                              virDomainMoment *moment)
{
    list->current = moment;
}

const char *
virDomainMomentName(const virDomainMomentList *list,
                    const virDomainMoment *moment)
{
    return virDomainMomentDefName(list, moment->def);
}

const char *
virDomainMomentParentName(const virDomainMomentList *list,
                          const virDomainMoment *moment)
{
    return *virDomainMomentDefParentName(list, moment->def);
}

virDomainMoment *
virDomainMomentListAdd(virDomainMomentList *list, void *def)
{
    const char *name = virDomainMomentDefName(list, def);
    virDomainMoment *moment;

    if (g_hash_table_contains(list->byName, name)) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "domain moment %s already exists", name);
        return NULL;
    }
    moment = g_new0(virDomainMoment, 1);
    moment->def = def;
    g_hash_table_insert(list->byName, g_strdup(name), moment);
    return moment;
}

static void
virDomainMomentSetParent(virDomainMoment *moment, virDomainMoment *parent)
{
    moment->parent = parent;
    moment->sibling = parent->first_child;
    parent->first_child = moment;
    parent->nchildren++;
}

void
virDomainMomentListLink(virDomainMomentList *list, virDomainMoment *moment)
{
    const char *parent_name = *virDomainMomentDefParentName(list, moment->def);
    virDomainMoment *parent = virDomainMomentListFind(list, parent_name);

    if (!parent) {
        if (parent_name)
            VIR_WARN("moment %s lacks parent %s",
                     virDomainMomentName(list, moment), parent_name);
        parent = &list->root;
    }
    virDomainMomentSetParent(moment, parent);
}

void
virDomainMomentUnlink(virDomainMoment *moment)
{
    virDomainMoment **link;

    if (!moment->parent)
        return;
    for (link = &moment->parent->first_child; *link;
         link = &(*link)->sibling) {
        if (*link == moment) {
            *link = moment->sibling;
            moment->parent->nchildren--;
            break;
        }
    }
    moment->parent = NULL;
    moment->sibling = NULL;
}

void
virDomainMomentListMoveChildren(virDomainMomentList *list,
                                virDomainMoment *from, virDomainMoment *to)
{
    const char *to_name = to && to->def ? virDomainMomentName(list, to)
                                        : NULL;
    virDomainMoment *child;
    virDomainMoment *last = NULL;

    if (!to)
        to = &list->root;
    if (!from->nchildren)
        return;
    for (child = from->first_child; child; child = child->sibling) {
        char **parent_name = virDomainMomentDefParentName(list, child->def);

        g_free(*parent_name);
        *parent_name = g_strdup(to_name);
        child->parent = to;
        last = child;
    }
    last->sibling = to->first_child;
    to->first_child = from->first_child;
    to->nchildren += from->nchildren;
    from->first_child = NULL;
    from->nchildren = 0;
}

void
virDomainMomentListReplaceDef(virDomainMomentList *list,
                              virDomainMoment *moment, void *def)
{
    virDomainMomentUnlink(moment);
    list->ops->free(moment->def);
    moment->def = def;
}

bool
virDomainMomentListRemove(virDomainMomentList *list, virDomainMoment *moment)
{
    bool current = list->current == moment;

    if (current)
        list->current = NULL;
    /* the key is freed by the table; the moment here */
    g_hash_table_remove(list->byName, virDomainMomentName(list, moment));
    virDomainMomentFree(list, moment);
    return current;
}

bool
virDomainMomentListRemoveDescendants(virDomainMomentList *list,
                                     virDomainMoment *moment)
{
    g_autofree virDomainMoment **all = NULL;
    bool current = false;
    size_t n;
    size_t i;

    all = virDomainMomentListCollect(list, moment,
                                     VIR_DOMAIN_MOMENT_COLLECT_DESCENDANTS,
                                     NULL, NULL, &n);
    for (i = 0; i < n; i++)
        current |= virDomainMomentListRemove(list, all[i]);
    moment->first_child = NULL;
    moment->nchildren = 0;
    return current;
}

int
virDomainMomentListCheckCycles(const virDomainMomentList *list,
                               const char *name, const char *parent_name)
{
    virDomainMoment *other;

    if (!parent_name)
        return 0;
    if (STREQ(name, parent_name)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "cannot set moment %s as its own parent", name);
        return -1;
    }
    if (!(other = virDomainMomentListFind(list, parent_name))) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "parent %s for moment %s not found", parent_name, name);
        return -1;
    }
    /* walk up the definitions' parent names, as upstream does */
    while (other) {
        const char *up = *virDomainMomentDefParentName(list, other->def);

        if (!up)
            break;
        if (STREQ(up, name)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "parent %s would create cycle to %s",
                           virDomainMomentName(list, other), name);
            return -1;
        }
        other = virDomainMomentListFind(list, up);
    }
    return 0;
}

static bool
virDomainMomentKeep(const virDomainMoment *moment, unsigned int flags,
                    virDomainMomentFilter filter, void *opaque)
{
    if ((flags & VIR_DOMAIN_MOMENT_COLLECT_LEAVES) && moment->nchildren)
        return false;
    if ((flags & VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES) && !moment->nchildren)
        return false;
    return !filter || filter(moment, opaque);
}

virDomainMoment **
virDomainMomentListCollect(const virDomainMomentList *list,
                           virDomainMoment *from, unsigned int flags,
                           virDomainMomentFilter filter, void *opaque,
                           size_t *count)
{
    GPtrArray *out = g_ptr_array_new();
    g_autoptr(GPtrArray) stack = NULL;
    virDomainMoment *child;
    bool deep;

    /* one bit, read as ROOTS for the whole list and as DESCENDANTS for
     * a moment's children */
    if (from) {
        deep = !!(flags & VIR_DOMAIN_MOMENT_COLLECT_DESCENDANTS);
    } else {
        deep = !(flags & VIR_DOMAIN_MOMENT_COLLECT_ROOTS);
        from = list ? (virDomainMoment *)&list->root : NULL;
    }

    if (from && !deep) {
        for (child = from->first_child; child; child = child->sibling) {
            if (virDomainMomentKeep(child, flags, filter, opaque))
                g_ptr_array_add(out, child);
        }
    } else if (from) {
        /* preorder: each moment before its descendants */
        stack = g_ptr_array_new();
        for (child = from->first_child; child; child = child->sibling)
            g_ptr_array_add(stack, child);
        while (stack->len) {
            virDomainMoment *moment = g_ptr_array_remove_index(stack,
                                                              stack->len - 1);

            if (virDomainMomentKeep(moment, flags, filter, opaque))
                g_ptr_array_add(out, moment);
            for (child = moment->first_child; child; child = child->sibling)
                g_ptr_array_add(stack, child);
        }
    }
    *count = out->len;
    g_ptr_array_add(out, NULL);
    return (virDomainMoment **)g_ptr_array_free(out, FALSE);
}
