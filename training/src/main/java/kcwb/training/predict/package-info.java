/** Eval and predict with a trained model folder, through the same cleaning + tokenizer it was trained with. */
package kcwb.training.predict;
