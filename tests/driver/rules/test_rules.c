/* Unit tests of driver/rules/rules.c: the spatch --parse-c output reader. */
#include <stdlib.h>
#include "rules/rules.h"
#include "unit.h"

int main(void)
{
	{
		struct strvec tokens = STRVEC_INIT;
		struct parse_failure *f = NULL;
		size_t nr = 0;
		const char *out =
			"parse error \n"
			" = File \"virt/kvm/kvm_main.c\", line 3726, column 7, charpos = 89166\n"
			"  around = '+=',\n"
			"badcount: 3\n"
			"bad: static int vcpu_stat_get_per_vm(void *data, u64 *val)\n"
			"bad: {\n"
			"BAD:!!!!! \t\t*val += 1; mmu_notifier_invalidate_page(mm, a);\n"
			"parse error \n"
			" = File \"/usr/lib/coccinelle/standard.h\", line 436, column 30\n"
			"parse error \n"
			" = File \"virt/kvm/kvm_main.c\", line 10, column 1\n"
			"bad: int other(void)\n"
			"parse error \n"
			" = File \"virt/kvm/kvm_main.c\", line 34, column 56\n"
			"bad: #define for_each_ops(ops)\t\\\n"
			"BAD:!!!!! \tfor ((ops) = list; (ops); (ops) = (ops)->next)\n";

		strvec_push(&tokens, "invalidate_page");
		rules_parse_output("virt/kvm/kvm_main.c", out, &tokens, &f, &nr);
		CHECK("parse output: failures outside the file dropped", nr == 3);
		CHECK("parse output: a #define body is a macro failure", nr > 2 && f[2].in_macro);
		CHECK("parse output: a function is not a macro failure", nr > 0 && !f[0].in_macro);
		CHECK("parse output: line read", nr > 0 && f[0].line == 3726);
		CHECK_STR("parse output: function named", nr > 0 ? f[0].function : NULL,
			  "vcpu_stat_get_per_vm");
		CHECK("parse output: tokens in unparsed code", nr > 0 && f[0].holds_tokens);
		CHECK("parse output: the skipped lines numbered from the error line",
		      nr > 0 && f[0].first == 3724 && f[0].last == 3726);
		CHECK("parse output: skipped lines after the error line count too",
		      nr > 2 && f[2].first == 33 && f[2].last == 34);
		CHECK("parse output: no error line among the bad ones: from the error line on",
		      nr > 1 && f[1].first == 10 && f[1].last == 10);
		CHECK("parse output: no tokens", nr > 1 && !f[1].holds_tokens);
		parse_failures_free(f, nr);
		strvec_clear(&tokens);
	}
	UNIT_EXIT();
}
