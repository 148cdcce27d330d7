/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "jx-target-split.h"
#include "jx-target-types.h"

/*
 * Splitting an amount of minor units (fen) so that the parts add up exactly: the largest
 * remainder method. Each part first gets the floor of its exact quota, computed in 128-bit
 * integers so that no rounding of doubles can lose a fen; the fen left over go one each to
 * the parts with the largest remainders (the earlier part on a tie, so the result never
 * depends on the sort).
 */

typedef struct {
  guint                  index;
  unsigned __int128      remainder;
} Remainder;

static int
compare_remainders (const void *pa,
                    const void *pb)
{
  const Remainder *a = pa, *b = pb;

  if (a->remainder != b->remainder)
    return a->remainder > b->remainder ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index ? 1 : 0;
}

/**
 * jx_target_weights_from_doubles:
 * @weights: @n weights >= 0 (shares, percentages, …)
 * @out: (out): @n integer weights in the same proportions
 *
 * Scales real weights to integers with 2^40 for the largest one, so jx_target_split() can
 * work in exact integer arithmetic. Weights that are NaN or negative count as 0.
 */
void
jx_target_weights_from_doubles (const double *weights,
                                guint         n,
                                gint64       *out)
{
  double max = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (weights[i]) && weights[i] > max)
      max = weights[i];
  for (guint i = 0; i < n; i++)
    out[i] = max > 0 && isfinite (weights[i]) && weights[i] > 0
             ? (gint64) llround (weights[i] / max * 1099511627776.0) : 0;
}

/**
 * jx_target_split:
 * @total: the amount to split, >= 0
 * @weights: @n integer weights >= 0
 * @locked: (nullable): @n amounts; an entry >= 0 keeps that amount, %JX_TARGET_UNLOCKED
 *   lets the entry share what the locked ones leave
 * @n: the number of parts
 * @out: (out): the @n parts, which add up to @total exactly
 *
 * Locked parts keep their amounts; the rest of @total is shared by the unlocked parts in
 * proportion to their weights (equally when all their weights are 0).
 *
 * Returns: %FALSE when the locked parts exceed @total, or when everything is locked and
 * they do not add up to @total.
 */
gboolean
jx_target_split (gint64         total,
                 const gint64  *weights,
                 const gint64  *locked,
                 guint          n,
                 gint64        *out,
                 GError       **error)
{
  g_autofree Remainder *rem = NULL;
  unsigned __int128 sum_weights = 0;
  gint64 rest = total;
  gint64 given = 0;
  guint n_free = 0, n_rem = 0;

  g_return_val_if_fail (total >= 0, FALSE);
  g_return_val_if_fail (n == 0 || (weights != NULL && out != NULL), FALSE);

  for (guint i = 0; i < n; i++)
    {
      if (locked != NULL && locked[i] >= 0)
        {
          out[i] = locked[i];
          rest -= locked[i];
        }
      else
        {
          out[i] = 0;
          n_free++;
          sum_weights += (unsigned __int128) MAX (weights[i], 0);
        }
    }
  if (rest < 0)
    {
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_LOCKED,
                   _("The locked targets add up to more than their parent; unlock one or "
                     "raise the parent's target."));
      return FALSE;
    }
  if (n_free == 0)
    {
      if (rest == 0)
        return TRUE;
      g_set_error (error, JX_TARGET_ERROR, JX_TARGET_ERROR_LOCKED,
                   _("Every target here is locked, so nothing can take up the difference; "
                     "unlock one of them."));
      return FALSE;
    }

  rem = g_new (Remainder, n_free);
  for (guint i = 0; i < n; i++)
    {
      unsigned __int128 w, quota;

      if (locked != NULL && locked[i] >= 0)
        continue;
      w = sum_weights > 0 ? (unsigned __int128) MAX (weights[i], 0) : 1;
      quota = (unsigned __int128) rest * w;
      {
        unsigned __int128 denominator = sum_weights > 0 ? sum_weights : n_free;

        out[i] = (gint64) (quota / denominator);
        rem[n_rem].index = i;
        rem[n_rem].remainder = quota % denominator;
      }
      given += out[i];
      n_rem++;
    }
  qsort (rem, n_rem, sizeof *rem, compare_remainders);
  /* The floors leave fewer than n_free fen over, so one pass hands them all out. */
  for (guint k = 0; given < rest; k++)
    {
      g_assert (k < n_rem);
      out[rem[k].index]++;
      given++;
    }
  return TRUE;
}
