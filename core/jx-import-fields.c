/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jx-import-private.h"

/*
 * The fields of each kind of import, the header names (English and Chinese) that map to
 * them, and the name matching rules: exact names compare like SQLite's NOCASE after
 * trimming; "did you mean" compares letters and digits only, case-folded, within a small
 * edit distance.
 */

static const char *const kind_names[] = {
  "customers", "products", "team", "deals", "stage-events", "targets",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == JX_IMPORT_N_KINDS);

const char *
jx_import_kind_to_string (JxImportKind kind)
{
  g_return_val_if_fail (kind < JX_IMPORT_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
jx_import_kind_from_string (const char   *text,
                            JxImportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  /* Singular and underscore spellings too. */
  if (g_strcmp0 (text, "customer") == 0 || g_strcmp0 (text, "accounts") == 0)
    *kind = JX_IMPORT_KIND_CUSTOMERS;
  else if (g_strcmp0 (text, "product") == 0)
    *kind = JX_IMPORT_KIND_PRODUCTS;
  else if (g_strcmp0 (text, "members") == 0 || g_strcmp0 (text, "sales-team") == 0)
    *kind = JX_IMPORT_KIND_TEAM;
  else if (g_strcmp0 (text, "deal") == 0 || g_strcmp0 (text, "opportunities") == 0)
    *kind = JX_IMPORT_KIND_DEALS;
  else if (g_strcmp0 (text, "stage_events") == 0 || g_strcmp0 (text, "events") == 0)
    *kind = JX_IMPORT_KIND_STAGE_EVENTS;
  else if (g_strcmp0 (text, "target") == 0)
    *kind = JX_IMPORT_KIND_TARGETS;
  else
    return FALSE;
  return TRUE;
}

#define NAME_LEN 200
#define TEXT_LEN 2000

static const JxImportField customer_fields[] = {
  { "name", N_("Name"), N_("The customer's name; importing the same name again updates the customer."), TRUE, TRUE },
  { "type", N_("Type"), N_("Customer type or sector, such as Enterprise or Retail."), FALSE, FALSE },
  { "region", N_("Region"), N_("Sales region."), FALSE, FALSE },
  { "owner", N_("Owner"), N_("The team member who looks after the customer."), FALSE, FALSE },
  { "parent", N_("Parent company"), N_("Another customer this one belongs to; it may be a row of the same file."), FALSE, FALSE },
  { "annual_revenue", N_("Annual revenue"), N_("The customer's yearly revenue, in the database currency."), FALSE, FALSE },
  { "tier", N_("Tier"), N_("key, growth, maintain or defend."), FALSE, FALSE },
  { "created", N_("Customer since"), N_("The date the customer was first recorded."), FALSE, FALSE },
  { "notes", N_("Notes"), N_("Free text."), FALSE, FALSE },
};
static const FieldExtra customer_extras[] = {
  { FT_KEY, REF_NONE, 300,
    "name|customer|customername|account|accountname|company|companyname|client|clientname|"
    "客户|客户名称|公司|公司名称|单位名称|企业名称|名称" },
  { FT_REF, REF_TYPE, NAME_LEN,
    "type|customertype|sector|industry|segment|category|类型|客户类型|行业|所属行业|客户分类" },
  { FT_REF, REF_REGION, NAME_LEN,
    "region|territory|area|salesregion|区域|地区|大区|销售区域" },
  { FT_REF, REF_MEMBER, NAME_LEN,
    "owner|accountowner|salesrep|rep|salesagent|agent|负责人|销售|客户经理|所属销售|跟进人" },
  { FT_REF, REF_CUSTOMER, 300,
    "parent|parentcompany|parentaccount|subsidiaryof|parentcustomer|上级公司|母公司|所属集团|集团" },
  { FT_AMOUNT, REF_NONE, 40,
    "annualrevenue|revenue|yearlyrevenue|turnover|年收入|营收|年营业额|营业收入|年销售额" },
  { FT_CHOICE, REF_NONE, 40, "tier|customertier|客户等级|等级|客户分级|分级",
    "key=key|关键|重点|a;growth=growth|成长|增长|b;maintain=maintain|维持|保持|c;"
    "defend=defend|防守|防御|挽回" },
  { FT_DATE, REF_NONE, 40,
    "created|createdate|createddate|customersince|since|创建日期|创建时间|建档日期" },
  { FT_TEXT, REF_NONE, TEXT_LEN, "notes|note|comment|comments|description|备注|说明" },
};

static const JxImportField product_fields[] = {
  { "name", N_("Name"), N_("The product's name; importing the same name again updates the product."), TRUE, TRUE },
  { "line", N_("Product line"), N_("Product line or series; lines are created by name."), FALSE, FALSE },
  { "list_price", N_("List price"), N_("The list price, in the database currency."), FALSE, FALSE },
};
static const FieldExtra product_extras[] = {
  { FT_KEY, REF_NONE, NAME_LEN,
    "name|product|productname|item|itemname|产品|产品名称|商品|商品名称|名称" },
  { FT_REF, REF_LINE, NAME_LEN,
    "line|productline|series|family|productfamily|productseries|产品线|系列|产品系列|类别" },
  { FT_AMOUNT, REF_NONE, 40,
    "listprice|price|salesprice|unitprice|msrp|价格|单价|标价|售价|定价|目录价" },
};

static const JxImportField team_fields[] = {
  { "name", N_("Name"), N_("The team member's name; importing the same name again updates the person."), TRUE, TRUE },
  { "role", N_("Role"), N_("Job title, such as Account executive."), FALSE, FALSE },
  { "manager", N_("Manager"), N_("The person they report to; it may be a row of the same file. People who manage someone are marked as managers."), FALSE, FALSE },
  { "region", N_("Region"), N_("Sales region or regional office."), FALSE, FALSE },
  { "capacity_hours", N_("Capacity"), N_("Selling hours per month."), FALSE, FALSE },
  { "is_manager", N_("Is manager"), N_("yes or no."), FALSE, FALSE },
  { "active", N_("Active"), N_("yes or no; people who left stay with their deals."), FALSE, FALSE },
};
static const FieldExtra team_extras[] = {
  { FT_KEY, REF_NONE, NAME_LEN,
    "name|member|salesagent|agent|rep|salesrep|salesperson|employee|fullname|姓名|销售|销售员|"
    "成员|员工|业务员|名称" },
  { FT_TEXT, REF_NONE, NAME_LEN, "role|title|position|jobtitle|职位|岗位|角色" },
  { FT_REF, REF_MEMBER, NAME_LEN,
    "manager|salesmanager|reportsto|supervisor|经理|上级|主管|直属上级|销售经理" },
  { FT_REF, REF_REGION, NAME_LEN,
    "region|regionaloffice|office|territory|area|salesregion|区域|地区|大区|办事处" },
  { FT_COUNT, REF_NONE, 20,
    "capacityhours|capacity|hours|hourspermonth|工时|产能|可用工时|月工时" },
  { FT_BOOL, REF_NONE, 10, "ismanager|manages|是否经理|是否主管" },
  { FT_BOOL, REF_NONE, 10, "active|isactive|enabled|在职|是否在职" },
};

static const JxImportField deal_fields[] = {
  { "ref", N_("Reference"), N_("The deal's ID in the system it comes from; importing the same reference again updates the deal."), TRUE, TRUE },
  { "title", N_("Title"), N_("What the deal is about."), FALSE, FALSE },
  { "customer", N_("Customer"), N_("The customer's name; open deals may have none yet."), FALSE, FALSE },
  { "owner", N_("Owner"), N_("The team member who sells it."), FALSE, FALSE },
  { "product", N_("Product"), N_("The product's name."), FALSE, FALSE },
  { "stage", N_("Stage"), N_("The current stage; Won, Closed Won, 赢单, 成交 mean won and Lost, Closed Lost, 输单, 丢单 mean lost."), TRUE, FALSE },
  { "amount", N_("Amount"), N_("The deal's value in the database currency; blank means not known yet. Won deals need one."), FALSE, FALSE },
  { "opened", N_("Opened"), N_("The date the deal was opened; when blank, the earliest stage date."), FALSE, FALSE },
  { "expected_close", N_("Expected close"), N_("The date an open deal is expected to close."), FALSE, FALSE },
  { "closed", N_("Closed"), N_("The date the deal was won or lost; on an open deal it is read as the expected close."), FALSE, FALSE },
  { "stage_entered", N_("Stage entered"), N_("The date the deal entered its current stage; for won and lost deals the close date."), FALSE, FALSE },
  { "lost_reason", N_("Lost reason"), N_("Why a lost deal was lost."), FALSE, FALSE },
  { "won_reason", N_("Won reason"), N_("Why a won deal was won."), FALSE, FALSE },
  { "notes", N_("Notes"), N_("Free text."), FALSE, FALSE },
};
static const FieldExtra deal_extras[] = {
  { FT_KEY, REF_NONE, 100,
    "ref|id|opportunityid|dealid|externalid|reference|dealnumber|opportunitynumber|dealref|"
    "编号|商机编号|机会编号|商机id|合同编号|订单编号|单号" },
  { FT_TEXT, REF_NONE, 500,
    "title|dealname|opportunityname|opportunity|subject|name|标题|商机名称|机会名称|项目名称|名称" },
  { FT_REF, REF_CUSTOMER, 300,
    "customer|account|accountname|company|companyname|client|customername|客户|客户名称|公司|公司名称" },
  { FT_REF, REF_MEMBER, NAME_LEN,
    "owner|salesagent|agent|salesrep|rep|opportunityowner|dealowner|负责人|销售|销售员|业务员|跟进人|所属销售" },
  { FT_REF, REF_PRODUCT, NAME_LEN, "product|productname|item|产品|产品名称|商品|商品名称" },
  { FT_REF, REF_STAGE, 100,
    "stage|dealstage|salesstage|opportunitystage|pipelinestage|status|阶段|销售阶段|商机阶段|状态" },
  { FT_AMOUNT, REF_NONE, 40,
    "amount|value|closevalue|dealvalue|dealamount|opportunityamount|revenue|金额|合同金额|商机金额|"
    "成交金额|预计金额" },
  { FT_DATE, REF_NONE, 40,
    "opened|opendate|createddate|created|createdate|startdate|创建日期|创建时间|立项日期|开始日期" },
  { FT_DATE, REF_NONE, 40,
    "expectedclose|expectedclosedate|expectedclosingdate|forecastclosedate|预计成交日期|"
    "预计签约日期|预计关闭日期" },
  { FT_DATE, REF_NONE, 40,
    "closed|closedate|closeddate|closingdate|dateclosed|成交日期|关闭日期|签约日期|结束日期" },
  { FT_DATE, REF_NONE, 40, "stageentered|stagedate|laststagechange|进入阶段日期|阶段日期" },
  { FT_TEXT, REF_NONE, 500, "lostreason|reasonlost|lossreason|丢单原因|输单原因" },
  { FT_TEXT, REF_NONE, 500, "wonreason|reasonwon|winreason|赢单原因|成交原因" },
  { FT_TEXT, REF_NONE, TEXT_LEN, "notes|note|comment|comments|description|备注|说明" },
};

static const JxImportField event_fields[] = {
  { "deal", N_("Deal"), N_("The deal's reference; the deal must exist."), TRUE, TRUE },
  { "stage", N_("Stage"), N_("The stage the deal entered."), TRUE, TRUE },
  { "entered", N_("Entered"), N_("The date it entered the stage."), TRUE, TRUE },
};
static const FieldExtra event_extras[] = {
  { FT_REF, REF_DEAL, 100,
    "deal|ref|dealref|opportunityid|dealid|opportunity|商机编号|编号|商机" },
  { FT_REF, REF_STAGE, 100, "stage|dealstage|tostage|newstage|阶段|销售阶段" },
  { FT_DATE, REF_NONE, 40,
    "entered|date|entereddate|changedate|changed|进入日期|日期|变更日期" },
};

static const JxImportField target_fields[] = {
  { "plan", N_("Plan"), N_("The target plan's name."), TRUE, TRUE },
  { "path", N_("Path"), N_("The target's name after its parents' names, separated by \" / \": Revenue 2026 / Q1 / East. Parents come before their children."), TRUE, TRUE },
  { "period", N_("Period"), N_("2026, 2026-Q1, 2026-03, or two dates separated by \"..\"."), FALSE, FALSE },
  { "period_from", N_("Period from"), N_("The first day of the period (instead of period)."), FALSE, FALSE },
  { "period_to", N_("Period to"), N_("The last day of the period (instead of period)."), FALSE, FALSE },
  { "metric", N_("Metric"), N_("revenue (the default), deals or new_customers."), FALSE, FALSE },
  { "amount", N_("Target"), N_("The target: an amount for revenue, a count for deals and new customers."), TRUE, FALSE },
  { "owner", N_("Owner"), N_("The team member responsible."), FALSE, FALSE },
  { "dimension", N_("Split by"), N_("How the target's children split it: quarter, month, week, product_line, customer_type, region, member or tier."), FALSE, FALSE },
  { "region", N_("Region"), N_("Only deals of this region count (children inherit it)."), FALSE, FALSE },
  { "member", N_("Member"), N_("Only this team member's deals count (children inherit it)."), FALSE, FALSE },
  { "product_line", N_("Product line"), N_("Only this product line counts (children inherit it)."), FALSE, FALSE },
  { "customer_type", N_("Customer type"), N_("Only this customer type counts (children inherit it)."), FALSE, FALSE },
  { "tier", N_("Tier"), N_("Only customers of this tier count (children inherit it)."), FALSE, FALSE },
  { "locked", N_("Locked"), N_("yes or no: a locked target keeps its amount when its parent is split again."), FALSE, FALSE },
  { "method", N_("Method"), N_("How the amount was split, such as seasonal or equal."), FALSE, FALSE },
  { "rationale", N_("Rationale"), N_("Why the target is what it is."), FALSE, FALSE },
};
static const FieldExtra target_extras[] = {
  { FT_REF, REF_PLAN, NAME_LEN, "plan|targetplan|planname|计划|目标计划|计划名称" },
  { FT_KEY, REF_NONE, 2000, "path|target|targetpath|node|目标|目标路径|路径" },
  { FT_PERIOD, REF_NONE, 40, "period|期间|周期|时间段" },
  { FT_DATE, REF_NONE, 40, "periodfrom|from|start|startdate|开始|开始日期|起始日期" },
  { FT_DATE, REF_NONE, 40, "periodto|to|end|enddate|结束|结束日期|截止日期" },
  { FT_CHOICE, REF_NONE, 40, "metric|measure|指标|目标类型",
    "revenue=revenue|收入|金额|销售额|业绩;deals=deals|deal|单数|成交数|成交单数;"
    "new_customers=newcustomers|新客户|新客户数" },
  { FT_AMOUNT, REF_NONE, 40, "amount|value|targetamount|quota|金额|目标值|目标金额|指标值" },
  { FT_REF, REF_MEMBER, NAME_LEN, "owner|负责人" },
  { FT_CHOICE, REF_NONE, 40, "dimension|splitby|维度|拆分维度",
    "quarter=quarter|季度;month=month|月|月份;week=week|周;product_line=productline|产品线;"
    "customer_type=customertype|客户类型;region=region|区域;member=member|成员|销售;tier=tier|客户等级" },
  { FT_REF, REF_REGION, NAME_LEN, "region|区域|地区" },
  { FT_REF, REF_MEMBER, NAME_LEN, "member|rep|salesrep|成员|销售" },
  { FT_REF, REF_LINE, NAME_LEN, "productline|line|产品线" },
  { FT_REF, REF_TYPE, NAME_LEN, "customertype|类型|客户类型" },
  { FT_CHOICE, REF_NONE, 40, "tier|客户等级",
    "key=key|关键|重点;growth=growth|成长|增长;maintain=maintain|维持|保持;defend=defend|防守|防御" },
  { FT_BOOL, REF_NONE, 10, "locked|lock|锁定" },
  { FT_TEXT, REF_NONE, 100, "method|splitmethod|方法|分解方法" },
  { FT_TEXT, REF_NONE, TEXT_LEN, "rationale|reason|依据|理由|说明|备注" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (customer_fields) == C_N && G_N_ELEMENTS (customer_extras) == C_N);
G_STATIC_ASSERT (G_N_ELEMENTS (product_fields) == P_N && G_N_ELEMENTS (product_extras) == P_N);
G_STATIC_ASSERT (G_N_ELEMENTS (team_fields) == T_N && G_N_ELEMENTS (team_extras) == T_N);
G_STATIC_ASSERT (G_N_ELEMENTS (deal_fields) == D_N && G_N_ELEMENTS (deal_extras) == D_N);
G_STATIC_ASSERT (G_N_ELEMENTS (event_fields) == E_N && G_N_ELEMENTS (event_extras) == E_N);
G_STATIC_ASSERT (G_N_ELEMENTS (target_fields) == G_N && G_N_ELEMENTS (target_extras) == G_N);

/**
 * jx_import_kind_get_fields:
 * @kind: a kind of import
 * @n_fields: (out): the number of fields
 *
 * Returns: (transfer none): the fields a column of a @kind file can be mapped to, in the
 *   order an export writes them
 */
const JxImportField *
jx_import_kind_get_fields (JxImportKind  kind,
                           guint        *n_fields)
{
  switch (kind)
    {
    case JX_IMPORT_KIND_CUSTOMERS:
      *n_fields = C_N;
      return customer_fields;
    case JX_IMPORT_KIND_PRODUCTS:
      *n_fields = P_N;
      return product_fields;
    case JX_IMPORT_KIND_TEAM:
      *n_fields = T_N;
      return team_fields;
    case JX_IMPORT_KIND_DEALS:
      *n_fields = D_N;
      return deal_fields;
    case JX_IMPORT_KIND_STAGE_EVENTS:
      *n_fields = E_N;
      return event_fields;
    case JX_IMPORT_KIND_TARGETS:
      *n_fields = G_N;
      return target_fields;
    case JX_IMPORT_N_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

const FieldExtra *
jx_import_kind_get_extras (JxImportKind kind)
{
  switch (kind)
    {
    case JX_IMPORT_KIND_CUSTOMERS:
      return customer_extras;
    case JX_IMPORT_KIND_PRODUCTS:
      return product_extras;
    case JX_IMPORT_KIND_TEAM:
      return team_extras;
    case JX_IMPORT_KIND_DEALS:
      return deal_extras;
    case JX_IMPORT_KIND_STAGE_EVENTS:
      return event_extras;
    case JX_IMPORT_KIND_TARGETS:
      return target_extras;
    case JX_IMPORT_N_KINDS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* A header as synonyms are written: ASCII letters lowered; spaces, '_', '-', '.', '/', '#',
 * ':' and brackets dropped; other characters (Chinese) kept. */
char *
jx_import_normalize_header (const char *header)
{
  GString *out = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (strchr (" \t_-./#:()[]", (int) c) == NULL)
            g_string_append_c (out, g_ascii_tolower ((char) c));
        }
      else if (c != 0xFF08 && c != 0xFF09 && c != 0x3000)   /* （ ） and the ideographic space */
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Letters and digits only, case-folded: "GTX Pro", "GTXPro" and "gtx-pro" are one name. */
char *
jx_import_fuzzy_key (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* Levenshtein distance between two UTF-8 strings, or limit + 1 when it is larger. */
guint
jx_import_edit_distance (const char *a,
                         const char *b,
                         guint       limit)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong na = 0, nb = 0;
  g_autofree guint *row = NULL;

  while (ua[na] != 0)
    na++;
  while (ub[nb] != 0)
    nb++;
  if ((guint) ABS (na - nb) > limit)
    return limit + 1;
  row = g_new (guint, nb + 1);
  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diag = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (glong j = 1; j <= nb; j++)
        {
          guint up = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[nb];
}

/* 1 when a stage name means won, 2 when it means lost, 0 otherwise. */
int
jx_import_outcome_synonym (const char *name)
{
  static const char *const won[] = {
    "won", "closedwon", "win", "wonclosed", "赢单", "成交", "已成交", "赢", "签约", "已签约",
  };
  static const char *const lost[] = {
    "lost", "closedlost", "loss", "lostclosed", "输单", "丢单", "已丢单", "失败", "输",
  };
  g_autofree char *key = jx_import_normalize_header (name);

  for (guint i = 0; i < G_N_ELEMENTS (won); i++)
    if (g_str_equal (key, won[i]))
      return 1;
  for (guint i = 0; i < G_N_ELEMENTS (lost); i++)
    if (g_str_equal (key, lost[i]))
      return 2;
  return 0;
}

/* The canonical value of a choice field for @text, or NULL. */
const char *
jx_import_choice_value (const FieldExtra *extra,
                        const char       *text)
{
  g_autofree char *key = jx_import_normalize_header (text);
  g_auto(GStrv) options = g_strsplit (extra->choices, ";", -1);

  for (guint i = 0; options[i] != NULL; i++)
    {
      char *eq = strchr (options[i], '=');
      g_auto(GStrv) aliases = NULL;

      if (eq == NULL)
        continue;
      *eq = '\0';
      aliases = g_strsplit (eq + 1, "|", -1);
      for (guint k = 0; aliases[k] != NULL; k++)
        if (g_str_equal (key, aliases[k]))
          return g_intern_string (options[i]);
    }
  return NULL;
}
