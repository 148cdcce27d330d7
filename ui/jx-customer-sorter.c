/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-customer-sorter.h"

/*
 * The sorter of one customer list column. It never sorts anything itself: JxCustomerList
 * sorts its 120,000 row indexes without making an object per customer, which a GTK sort
 * model would have to do. The column view still needs a sorter per column to show the
 * clickable headers and the sort arrow, and GTK 4.8 has no public way to ask its sorter
 * which column is on top and in which direction; jx_customer_sorter_read_column_view()
 * finds out by letting the column view's sorter compare two placeholder objects and
 * noting which of these sorters it asked first.
 */

struct _JxCustomerSorter {
  GtkSorter      parent_instance;
  JxCustomerSort key;
};

G_DEFINE_FINAL_TYPE (JxCustomerSorter, jx_customer_sorter, GTK_TYPE_SORTER)

/* The sorter the column view asked during the current probe, if any. */
static JxCustomerSorter *probed;

static GtkOrdering
jx_customer_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  if (probed == NULL)
    probed = JX_CUSTOMER_SORTER (sorter);
  /* Anything but "equal", so the column view stops at the first column it asks. */
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
jx_customer_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
jx_customer_sorter_class_init (JxCustomerSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = jx_customer_sorter_compare;
  sorter_class->get_order = jx_customer_sorter_get_order;
}

static void
jx_customer_sorter_init (JxCustomerSorter *self)
{
}

JxCustomerSorter *
jx_customer_sorter_new (JxCustomerSort key)
{
  JxCustomerSorter *self = g_object_new (JX_TYPE_CUSTOMER_SORTER, NULL);

  self->key = key;
  return self;
}

JxCustomerSort
jx_customer_sorter_get_key (JxCustomerSorter *self)
{
  g_return_val_if_fail (JX_IS_CUSTOMER_SORTER (self), JX_CUSTOMER_SORT_NAME);

  return self->key;
}

/**
 * jx_customer_sorter_read_column_view:
 * @sorter: the sorter of a #GtkColumnView whose columns have #JxCustomerSorter sorters
 * @key: (out): the sort key of the column the view sorts by first
 * @descending: (out): whether that column sorts in descending order
 *
 * Returns: whether the view sorts by a column at all
 */
gboolean
jx_customer_sorter_read_column_view (GtkSorter      *sorter,
                                     JxCustomerSort *key,
                                     gboolean       *descending)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), FALSE);

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  probed = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  if (probed == NULL || order == GTK_ORDERING_EQUAL)
    {
      probed = NULL;
      return FALSE;
    }
  *key = probed->key;
  /* The column view turns the answer round for a column sorted in descending order. */
  *descending = order == GTK_ORDERING_LARGER;
  probed = NULL;
  return TRUE;
}
