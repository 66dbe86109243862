"""The business side: invoices and credit notes, where their lines come from, payments,
balances and revenue. Money is ``Decimal`` throughout; ``money`` holds the rounding rule."""
