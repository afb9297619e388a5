// The learner's texts for every component, provided once by <App> (English when a component is drawn alone).
import {createContext, useContext} from 'react';
import {ENGLISH, type Texts} from '../i18n/texts.js';

export const TextsContext = createContext<Texts>(ENGLISH);

export function useTexts(): Texts {
	return useContext(TextsContext);
}
