import { getMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { ShopperListPage } from "@/components/shopper-list-page";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getMessages(await getLanguage()).cartTitle };
}

export default async function CartPage() {
  const language = await getLanguage();
  return (
    <ShopperListPage
      list="cart"
      language={language}
      messages={getMessages(language)}
      labels={buildVocabularyLabels(language)}
    />
  );
}
