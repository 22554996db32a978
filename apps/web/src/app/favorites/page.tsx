import { getMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { ShopperListPage } from "@/components/shopper-list-page";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getMessages(await getLanguage()).favoritesTitle };
}

export default async function FavoritesPage() {
  const language = await getLanguage();
  return (
    <ShopperListPage
      list="favorite"
      language={language}
      messages={getMessages(language)}
      labels={buildVocabularyLabels(language)}
    />
  );
}
